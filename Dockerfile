# The nhacviec image: TypeScript is compiled in a build stage; the image runs the built JavaScript.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
# DejaVu Sans draws the Vietnamese labels of the digest chart; LibreOffice converts
# legacy .doc plans and renders reports to PDF.
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-dejavu-core libreoffice-writer-nogui libreoffice-calc-nogui \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY bin ./bin
ENV NODE_ENV=production
ENTRYPOINT ["node", "bin/nhacviec.js"]
