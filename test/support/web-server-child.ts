/**
 * The web app alone in its own process, for tests that measure the server
 * (its memory, its answers under load) without the test's own allocations:
 * DATABASE_URL and NOW (ISO) from the environment; prints its port when listening.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { pino } from "pino";
import { createDatabaseClient } from "../../db/client.js";
import { createHttpApp } from "../../src/runtime/http-server.js";
import { createWebApp } from "../../src/web/app.js";

const logger = pino({ level: "silent" });
const client = createDatabaseClient(process.env.DATABASE_URL as string, logger, { max: 2 });
const now = new Date(process.env.NOW as string);
let app: ReturnType<typeof createHttpApp>["app"] | null = null;
const server = serve(
  {
    port: 0,
    hostname: "127.0.0.1",
    fetch: (request, env) => {
      const port = (server.address() as AddressInfo).port;
      app ??= createHttpApp({
        logger,
        webhooks: [],
        web: createWebApp({
          db: client.db,
          logger,
          now: () => now,
          publicUrl: `http://127.0.0.1:${port}`,
          botToken: undefined,
        }),
      }).app;
      return app.fetch(request, env);
    },
  },
  (info) => process.stdout.write(`${info.port}\n`),
);
process.on("SIGTERM", () => server.close(() => void client.close().then(() => process.exit(0))));
