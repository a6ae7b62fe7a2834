# The nhacviec image: the sources run through tsx, so the image is the repository plus its dependencies.
FROM node:20-bookworm-slim
WORKDIR /app
# DejaVu Sans draws the Vietnamese labels of the digest chart.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
ENTRYPOINT ["node", "bin/nhacviec.js"]
