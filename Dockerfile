# The nhacviec image: TypeScript is compiled in a build stage; the image runs the built JavaScript.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:22-bookworm-slim
WORKDIR /app
# tini is PID 1: it reaps the children LibreOffice leaves behind (soffice.bin forks) and passes SIGTERM on.
# Liberation Serif is Times New Roman's metric twin (the reports and workbooks name Times New Roman, so the
# pages break as they do on the offices' PCs); DejaVu Sans draws the Vietnamese labels of the digest chart.
# LibreOffice converts legacy .doc plans and renders reports to PDF.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini fonts-liberation fonts-dejavu-core \
     libreoffice-writer-nogui libreoffice-calc-nogui \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY bin ./bin
# Not root: the image's own `node` user (uid 1000) owns only what it writes (evidence, LibreOffice's profile).
RUN mkdir -p /data/evidence /home/node/.config && chown -R node:node /data /home/node
ENV NODE_ENV=production HOME=/home/node
USER node
# `start` serves /healthz on PORT; a `worker` container has no web server and turns the check off (compose).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--", "node", "bin/nhacviec.js"]
CMD ["start"]
