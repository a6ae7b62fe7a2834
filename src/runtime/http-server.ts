/**
 * The process's one HTTP server: platform webhooks today, the web app beside them.
 * A webhook is acknowledged as soon as the update is recorded, then processed in
 * the background: a slow update is never answered 500 and redelivered.
 */
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Logger } from "../logger.js";

/** Telegram's updates are a few kilobytes; anything near this is not an update. */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

export interface WebhookEndpoint {
  /** Path part of the public webhook URL. */
  path: string;
  /** Header that carries the shared secret, and its expected value. */
  secretHeader: string;
  secretToken: string;
  /** The update's id when `body` is an update of this platform, else null (answered 400). */
  updateIdOf(body: unknown): number | null;
  /** True when this update id is new; false for a redelivery, which is acknowledged and skipped. */
  claim(updateId: number): Promise<boolean>;
  process(body: unknown): Promise<void>;
}

export interface HttpServer {
  app: Hono;
  port: number;
  /** Stops accepting requests, then waits (bounded) for updates still being processed. */
  close(): Promise<void>;
}

/** How long `close` waits for acknowledged updates before giving up on them. */
const DRAIN_TIMEOUT_MS = 15_000;

export function createHttpApp(options: {
  logger: Logger;
  webhooks: WebhookEndpoint[];
  /** The web app, mounted after the webhooks so its sign-in and CSRF rules never touch them. */
  web?: Hono<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- any app's variables
}): {
  app: Hono;
  drain: () => Promise<void>;
} {
  const { logger } = options;
  const inFlight = new Set<Promise<void>>();
  const app = new Hono();

  app.get("/healthz", (c) => c.text("ok"));

  for (const endpoint of options.webhooks) {
    app.post(
      endpoint.path,
      bodyLimit({ maxSize: WEBHOOK_BODY_LIMIT_BYTES, onError: (c) => c.text("payload too large", 413) }),
      async (c) => {
        if (c.req.header(endpoint.secretHeader) !== endpoint.secretToken) return c.text("unauthorized", 401);
        let body: unknown;
        try {
          body = await c.req.json();
        } catch {
          return c.text("malformed JSON", 400);
        }
        const updateId = endpoint.updateIdOf(body);
        if (updateId === null) return c.text("not an update", 400);
        if (!(await endpoint.claim(updateId))) {
          logger.info({ updateId, path: endpoint.path }, "webhook redelivery skipped");
          return c.text("ok");
        }
        const work = endpoint
          .process(body)
          .catch((error: unknown) => logger.error({ err: error, updateId }, "webhook update failed"))
          .finally(() => inFlight.delete(work));
        inFlight.add(work);
        return c.text("ok");
      },
    );
  }

  if (options.web) app.route("/", options.web);

  const drain = async () => {
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS).unref());
    await Promise.race([Promise.allSettled([...inFlight]).then(() => undefined), timeout]);
  };
  return { app, drain };
}

export async function startHttpServer(options: {
  port: number;
  logger: Logger;
  webhooks: WebhookEndpoint[];
  web?: Hono<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- any app's variables
}): Promise<HttpServer> {
  const { app, drain } = createHttpApp(options);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started: ServerType = serve({ fetch: app.fetch, port: options.port }, () => resolve(started));
    started.once("error", reject);
  });
  return {
    app,
    port: options.port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await drain();
    },
  };
}

/** Telegram's update shape, as far as the webhook needs it: an object with an integer `update_id`. */
export function telegramUpdateId(body: unknown): number | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const id = (body as { update_id?: unknown }).update_id;
  return typeof id === "number" && Number.isSafeInteger(id) && id >= 0 ? id : null;
}
