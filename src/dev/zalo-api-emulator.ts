import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createSeededRandom } from "./seeded-random.js";

/**
 * A local stand-in for Zalo's Bot Platform API, written from its documentation
 * (docs/zalo-bot-api.md) as src/dev/bot-api-emulator.ts is for Telegram:
 * getMe, getUpdates (long poll, one update per call), setWebhook /
 * deleteWebhook / getWebhookInfo (updates posted with the secret header),
 * sendMessage / sendPhoto / sendChatAction, recorded as a chat would show
 * them. It refuses what the API refuses: a text over 2,000 characters, a chat
 * that never wrote to the bot, a person who blocked it, too many messages
 * (429 "Quota exceeded"), and fails at random on request.
 */

/** A message the emulator accepted from the bot. */
export interface EmulatedZaloMessage {
  chatId: string;
  messageId: string;
  /** The text, or a photo's caption. */
  text: string;
  /** sendPhoto's picture URL. */
  photoUrl?: string;
  at: number;
}

/** A person in a private chat with the bot, driven by a test or the demo. */
export interface SimulatedZaloUser {
  /** Their Zalo id, which is also the chat id of their chat with the bot. */
  id: string;
  displayName: string;
  /** Sends the bot a text message (the bot then knows this chat). */
  send(text: string): void;
  /** Sends a sticker: an event the bot gets but has no text in it. */
  sendSticker(): void;
  /** Blocks the bot: sends to this chat fail from now on. */
  block(): void;
  unblock(): void;
  /** Messages the bot sent to this person, oldest first. */
  inbox(): EmulatedZaloMessage[];
  /** Waits for a message to this person, after the `after`-th one, matching `predicate`. */
  waitForMessage(
    predicate?: (message: EmulatedZaloMessage) => boolean,
    options?: { after?: number; timeoutMs?: number },
  ): Promise<EmulatedZaloMessage>;
}

export interface ZaloApiEmulatorOptions {
  /** The one token the emulator accepts; others get 401. */
  token?: string;
  /** Messages per second the bot may send; more get 429. */
  ratePerSecond?: number;
  /** Minimum milliseconds between two messages to one chat; sooner gets 429. */
  perChatIntervalMs?: number;
  /** Share of send requests answered 500 at random (nothing delivered). */
  serverErrorRate?: number;
  /** Seed of the emulator's randomness, so a failing run can be replayed. */
  seed?: number;
  port?: number;
  /** The longest a long poll waits, whatever the bot asks (seconds). */
  maxPollSeconds?: number;
}

export interface ZaloApiEmulator {
  /** Give this as ZALO_API_ROOT. */
  apiRoot: string;
  token: string;
  messages: EmulatedZaloMessage[];
  /** The webhook the bot set, or null. */
  webhook: { url: string; secretToken: string; updatedAt: number } | null;
  /** Webhook posts and how the receiver answered (status 0: no answer). */
  webhookDeliveries: Array<{ eventName: string; status: number }>;
  /** sendChatAction calls. */
  chatActions: Array<{ chatId: string; action: string }>;
  /** A person who writes to the bot; the same id gives the same person. */
  user(id?: string, profile?: { displayName?: string }): SimulatedZaloUser;
  /** Called with every message the bot sends (the demo prints them). */
  onMessage?: (message: EmulatedZaloMessage) => void;
  stats: {
    accepted: number;
    tooManyRequests: number;
    serverErrors: number;
    blocked: number;
    unknownChat: number;
    tooLong: number;
  };
  close(): Promise<void>;
}

/** Zalo counts characters; we count code points, the kinder reading (a UTF-16 count is never smaller). */
export const EMULATED_TEXT_LIMIT = 2000;

async function bodyOf(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function fail(response: ServerResponse, errorCode: number, description: string): void {
  reply(response, errorCode, { ok: false, error_code: errorCode, description });
}

/** Zalo's ids are 20 hex digits ("e4ea2cd5189df1c3a88c"). */
function hexId(prefix: number, n: number): string {
  return `${prefix.toString(16)}${n.toString(16).padStart(19, "0")}`.slice(0, 20);
}

/** Starts the emulator on 127.0.0.1 (a free port unless `port` is given). */
export async function startZaloApiEmulator(options: ZaloApiEmulatorOptions = {}): Promise<ZaloApiEmulator> {
  const token = options.token ?? "1234567890123456789:emulatorSecretForTestsOnly_0123456789abcdef";
  const random = createSeededRandom(options.seed ?? 1);
  const ratePerSecond = options.ratePerSecond ?? 30;
  const perChatIntervalMs = options.perChatIntervalMs ?? 0;
  const maxPollSeconds = options.maxPollSeconds ?? 60;
  const messages: EmulatedZaloMessage[] = [];
  const stats = { accepted: 0, tooManyRequests: 0, serverErrors: 0, blocked: 0, unknownChat: 0, tooLong: 0 };
  const users = new Map<string, { displayName: string; hasWritten: boolean; blocked: boolean }>();
  const updates: Array<Record<string, unknown>> = [];
  const pollers = new Set<() => void>();
  const recent: number[] = [];
  const lastByChat = new Map<string, number>();
  let nextMessageId = 1;
  let nextIncomingId = 1;
  let nextUserNumber = 1;
  let webhookQueue = Promise.resolve();

  const deliverByWebhook = (update: Record<string, unknown>) => {
    const hook = emulator.webhook;
    if (!hook) return;
    webhookQueue = webhookQueue.then(async () => {
      // Zalo retries a webhook that does not answer 2xx; three tries here.
      for (let attempt = 0; attempt < 3; attempt++) {
        let status: number;
        try {
          const answer = await fetch(hook.url, {
            method: "POST",
            headers: { "content-type": "application/json", "x-bot-api-secret-token": hook.secretToken },
            body: JSON.stringify({ ok: true, result: update }),
            signal: AbortSignal.timeout(5000),
          });
          status = answer.status;
          await answer.body?.cancel();
        } catch {
          status = 0;
        }
        emulator.webhookDeliveries.push({ eventName: String(update.event_name), status });
        if (status >= 200 && status < 300) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
  };

  const pushUpdate = (update: Record<string, unknown>) => {
    if (emulator.webhook) return deliverByWebhook(update);
    updates.push(update);
    for (const wake of [...pollers]) wake();
  };

  /** Checks a send's chat: 404 for a chat that never wrote to the bot, 403 for one that blocked it. */
  const refuseChat = (response: ServerResponse, chatId: string): boolean => {
    const known = users.get(chatId);
    if (!known?.hasWritten) {
      stats.unknownChat++;
      fail(response, 404, "Not Found: the user has not messaged this bot");
      return true;
    }
    if (known.blocked) {
      stats.blocked++;
      fail(response, 403, "Forbidden: the user has blocked this bot");
      return true;
    }
    return false;
  };

  const refuseRate = (response: ServerResponse, chatId: string): boolean => {
    const now = Date.now();
    while (recent.length > 0 && (recent[0] as number) <= now - 1000) recent.shift();
    const last = lastByChat.get(chatId);
    if (recent.length >= ratePerSecond || (last !== undefined && now - last < perChatIntervalMs)) {
      stats.tooManyRequests++;
      fail(response, 429, "Quota exceeded");
      return true;
    }
    recent.push(now);
    lastByChat.set(chatId, now);
    return false;
  };

  const accept = (response: ServerResponse, message: Omit<EmulatedZaloMessage, "messageId" | "at">) => {
    const sent: EmulatedZaloMessage = { ...message, messageId: hexId(0xb, nextMessageId++), at: Date.now() };
    messages.push(sent);
    stats.accepted++;
    emulator.onMessage?.(sent);
    reply(response, 200, { ok: true, result: { message_id: sent.messageId, date: sent.at } });
  };

  const textLength = (text: string) => Array.from(text).length;

  const server = createServer((request, response) => {
    void (async () => {
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? "");
      if (!match) return fail(response, 404, "Not Found");
      if (decodeURIComponent(match[1] as string) !== token) return fail(response, 401, "Unauthorized");
      const method = match[2] as string;
      const body = await bodyOf(request);
      if (body === null) return fail(response, 400, "Bad Request: the body is not JSON");
      switch (method) {
        case "getMe":
          return reply(response, 200, {
            ok: true,
            result: {
              id: token.split(":")[0],
              account_name: "bot.nhacviec",
              account_type: "BASIC",
              can_join_groups: false,
            },
          });
        case "getUpdates": {
          if (emulator.webhook) {
            return fail(response, 400, "Bad Request: getUpdates is not available while a webhook is set");
          }
          if (updates.length === 0) {
            const seconds = Math.min(Math.max(Number(body.timeout ?? 30) || 0, 0), maxPollSeconds);
            let gone = false;
            await new Promise<void>((resolve) => {
              const wake = () => {
                pollers.delete(wake);
                clearTimeout(timer);
                resolve();
              };
              const timer = setTimeout(wake, seconds * 1000);
              pollers.add(wake);
              response.on("close", () => {
                gone = true;
                wake();
              });
            });
            // A poll the bot gave up on takes nothing: the update waits for the next one.
            if (gone) return;
          }
          const update = updates.shift();
          // Zalo answers an empty long poll with error 408, and hands out one update per call.
          if (!update) return reply(response, 200, { ok: false, error_code: 408, description: "Request timeout" });
          return reply(response, 200, { ok: true, result: update });
        }
        case "setWebhook": {
          const url = typeof body.url === "string" ? body.url : "";
          const secret = typeof body.secret_token === "string" ? body.secret_token : "";
          const parsed = URL.canParse(url) ? new URL(url) : null;
          // Zalo wants HTTPS; plain HTTP is allowed to loopback, where tests listen.
          const loopback = parsed?.hostname === "127.0.0.1" || parsed?.hostname === "localhost";
          if (!parsed || (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && loopback))) {
            return fail(response, 400, "Bad Request: url must be an HTTPS URL");
          }
          if (secret.length < 8 || secret.length > 256) {
            return fail(response, 400, "Bad Request: secret_token must be 8 to 256 characters");
          }
          emulator.webhook = { url, secretToken: secret, updatedAt: Date.now() };
          // What was waiting for getUpdates now goes to the webhook.
          for (const pending of updates.splice(0)) deliverByWebhook(pending);
          for (const wake of [...pollers]) wake();
          return reply(response, 200, { ok: true, result: { url, updated_at: emulator.webhook.updatedAt } });
        }
        case "deleteWebhook":
          emulator.webhook = null;
          return reply(response, 200, { ok: true, result: { url: "", updated_at: Date.now() } });
        case "getWebhookInfo":
          return reply(response, 200, {
            ok: true,
            result: { url: emulator.webhook?.url ?? "", updated_at: emulator.webhook?.updatedAt ?? 0 },
          });
        case "sendMessage":
        case "sendPhoto": {
          if ((options.serverErrorRate ?? 0) > 0 && random() < (options.serverErrorRate ?? 0)) {
            stats.serverErrors++;
            return fail(response, 500, "Internal Server Error");
          }
          const chatId = typeof body.chat_id === "string" ? body.chat_id : "";
          if (chatId === "") return fail(response, 400, "Bad Request: chat_id is required");
          const text = method === "sendMessage" ? body.text : (body.caption ?? "");
          if (typeof text !== "string" || (method === "sendMessage" && text === "")) {
            return fail(response, 400, "Bad Request: text is required");
          }
          if (textLength(text) > EMULATED_TEXT_LIMIT) {
            stats.tooLong++;
            return fail(response, 400, "Bad Request: text must be 1 to 2000 characters");
          }
          const photo = typeof body.photo === "string" ? body.photo : "";
          if (method === "sendPhoto" && !/^https?:\/\//.test(photo)) {
            return fail(response, 400, "Bad Request: photo must be a URL");
          }
          if (refuseChat(response, chatId) || refuseRate(response, chatId)) return;
          return accept(response, { chatId, text, ...(method === "sendPhoto" ? { photoUrl: photo } : {}) });
        }
        case "sendChatAction": {
          const chatId = typeof body.chat_id === "string" ? body.chat_id : "";
          if (body.action !== "typing" && body.action !== "upload_photo") {
            return fail(response, 400, "Bad Request: action must be typing or upload_photo");
          }
          if (refuseChat(response, chatId)) return;
          emulator.chatActions.push({ chatId, action: body.action });
          return reply(response, 200, { ok: true });
        }
        default:
          return fail(response, 404, "Not Found: unknown method");
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const user = (id?: string, profile: { displayName?: string } = {}): SimulatedZaloUser => {
    const userId = id ?? hexId(0xe, nextUserNumber++);
    const state = users.get(userId) ?? {
      displayName: profile.displayName ?? `Người dùng ${userId.slice(-4)}`,
      hasWritten: false,
      blocked: false,
    };
    users.set(userId, state);
    const messageFrom = (extra: Record<string, unknown>) => {
      state.hasWritten = true;
      return {
        message_id: hexId(0xa, nextIncomingId++),
        date: Date.now(),
        from: { id: userId, display_name: state.displayName, is_bot: false },
        chat: { id: userId, chat_type: "PRIVATE" },
        ...extra,
      };
    };
    const inbox = () => messages.filter((m) => m.chatId === userId);
    return {
      id: userId,
      displayName: state.displayName,
      send(text) {
        pushUpdate({ event_name: "message.text.received", message: messageFrom({ text }) });
      },
      sendSticker() {
        pushUpdate({
          event_name: "message.sticker.received",
          message: messageFrom({ sticker: "0e078a2fb66a5f34067b" }),
        });
      },
      block() {
        state.blocked = true;
      },
      unblock() {
        state.blocked = false;
      },
      inbox,
      async waitForMessage(predicate = () => true, waitOptions = {}) {
        const deadline = Date.now() + (waitOptions.timeoutMs ?? 10_000);
        for (;;) {
          const found = inbox()
            .slice(waitOptions.after ?? 0)
            .find(predicate);
          if (found) return found;
          if (Date.now() > deadline) {
            throw new Error(
              `zalo user ${userId}: no matching message; inbox: ${JSON.stringify(inbox().map((m) => m.text.slice(0, 80)))}`,
            );
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
    };
  };

  const emulator: ZaloApiEmulator = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    messages,
    webhook: null,
    webhookDeliveries: [],
    chatActions: [],
    user,
    stats,
    close: async () => {
      for (const wake of [...pollers]) wake();
      await webhookQueue;
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
  return emulator;
}
