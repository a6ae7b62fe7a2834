import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { KEEP_ALIVE_MS, waitForMessageIn } from "./emulated-inbox.js";
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

interface ZaloUserState {
  displayName: string;
  hasWritten: boolean;
  blocked: boolean;
}

/** Everything a running emulator holds: what the methods and the simulated people read and change. */
interface ZaloState {
  options: ZaloApiEmulatorOptions;
  token: string;
  random: () => number;
  ratePerSecond: number;
  perChatIntervalMs: number;
  maxPollSeconds: number;
  messages: EmulatedZaloMessage[];
  stats: ZaloApiEmulator["stats"];
  users: Map<string, ZaloUserState>;
  updates: Array<Record<string, unknown>>;
  pollers: Set<() => void>;
  recent: number[];
  lastByChat: Map<string, number>;
  next: { messageId: number; incomingId: number; userNumber: number };
  webhookQueue: Promise<void>;
  emulator: ZaloApiEmulator;
}

type Body = Record<string, unknown>;
/** One Zalo Bot API method: answers the request from the body, changing the state. */
type Method = (state: ZaloState, body: Body, response: ServerResponse, method: string) => void | Promise<void>;

function deliverByWebhook(state: ZaloState, update: Record<string, unknown>): void {
  const hook = state.emulator.webhook;
  if (!hook) return;
  state.webhookQueue = state.webhookQueue.then(async () => {
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
      state.emulator.webhookDeliveries.push({ eventName: String(update.event_name), status });
      if (status >= 200 && status < 300) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
}

function pushUpdate(state: ZaloState, update: Record<string, unknown>): void {
  if (state.emulator.webhook) return deliverByWebhook(state, update);
  state.updates.push(update);
  for (const wake of [...state.pollers]) wake();
}

/** Checks a send's chat: 404 for a chat that never wrote to the bot, 403 for one that blocked it. */
function refuseChat(state: ZaloState, response: ServerResponse, chatId: string): boolean {
  const known = state.users.get(chatId);
  if (!known?.hasWritten) {
    state.stats.unknownChat++;
    fail(response, 404, "Not Found: the user has not messaged this bot");
    return true;
  }
  if (known.blocked) {
    state.stats.blocked++;
    fail(response, 403, "Forbidden: the user has blocked this bot");
    return true;
  }
  return false;
}

function refuseRate(state: ZaloState, response: ServerResponse, chatId: string): boolean {
  const now = Date.now();
  while (state.recent.length > 0 && (state.recent[0] as number) <= now - 1000) state.recent.shift();
  const last = state.lastByChat.get(chatId);
  if (state.recent.length >= state.ratePerSecond || (last !== undefined && now - last < state.perChatIntervalMs)) {
    state.stats.tooManyRequests++;
    fail(response, 429, "Quota exceeded");
    return true;
  }
  state.recent.push(now);
  state.lastByChat.set(chatId, now);
  return false;
}

/** Long polling: one update per call; an empty poll answers error 408, as Zalo does. */
const getUpdates: Method = async (state, body, response) => {
  if (state.emulator.webhook) {
    return fail(response, 400, "Bad Request: getUpdates is not available while a webhook is set");
  }
  if (state.updates.length === 0) {
    const seconds = Math.min(Math.max(Number(body.timeout ?? 30) || 0, 0), state.maxPollSeconds);
    let gone = false;
    await new Promise<void>((resolve) => {
      const wake = () => {
        state.pollers.delete(wake);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(wake, seconds * 1000);
      state.pollers.add(wake);
      response.on("close", () => {
        gone = true;
        wake();
      });
    });
    // A poll the bot gave up on takes nothing: the update waits for the next one.
    if (gone) return;
  }
  const update = state.updates.shift();
  if (!update) return reply(response, 200, { ok: false, error_code: 408, description: "Request timeout" });
  reply(response, 200, { ok: true, result: update });
};

const setWebhook: Method = (state, body, response) => {
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
  state.emulator.webhook = { url, secretToken: secret, updatedAt: Date.now() };
  // What was waiting for getUpdates now goes to the webhook.
  for (const pending of state.updates.splice(0)) deliverByWebhook(state, pending);
  for (const wake of [...state.pollers]) wake();
  reply(response, 200, { ok: true, result: { url, updated_at: state.emulator.webhook.updatedAt } });
};

/** Zalo counts characters; we count code points (see EMULATED_TEXT_LIMIT). */
const textLength = (text: string) => Array.from(text).length;

/** sendMessage and sendPhoto (a photo by URL, its caption as the text), with Zalo's checks and limits. */
const send: Method = (state, body, response, method) => {
  const errorRate = state.options.serverErrorRate ?? 0;
  if (errorRate > 0 && state.random() < errorRate) {
    state.stats.serverErrors++;
    return fail(response, 500, "Internal Server Error");
  }
  const chatId = typeof body.chat_id === "string" ? body.chat_id : "";
  if (chatId === "") return fail(response, 400, "Bad Request: chat_id is required");
  const text = method === "sendMessage" ? body.text : (body.caption ?? "");
  if (typeof text !== "string" || (method === "sendMessage" && text === "")) {
    return fail(response, 400, "Bad Request: text is required");
  }
  if (textLength(text) > EMULATED_TEXT_LIMIT) {
    state.stats.tooLong++;
    return fail(response, 400, "Bad Request: text must be 1 to 2000 characters");
  }
  const photo = typeof body.photo === "string" ? body.photo : "";
  if (method === "sendPhoto" && !/^https?:\/\//.test(photo)) {
    return fail(response, 400, "Bad Request: photo must be a URL");
  }
  if (refuseChat(state, response, chatId) || refuseRate(state, response, chatId)) return;
  const sent: EmulatedZaloMessage = {
    chatId,
    text,
    ...(method === "sendPhoto" ? { photoUrl: photo } : {}),
    messageId: hexId(0xb, state.next.messageId++),
    at: Date.now(),
  };
  state.messages.push(sent);
  state.stats.accepted++;
  state.emulator.onMessage?.(sent);
  reply(response, 200, { ok: true, result: { message_id: sent.messageId, date: sent.at } });
};

/** The Zalo Bot API methods the bot calls; any other is 404. */
const METHODS: Record<string, Method> = {
  getMe: (state, _body, response) =>
    reply(response, 200, {
      ok: true,
      result: {
        id: state.token.split(":")[0],
        account_name: "bot.nhacviec",
        account_type: "BASIC",
        can_join_groups: false,
      },
    }),
  getUpdates,
  setWebhook,
  deleteWebhook: (state, _body, response) => {
    state.emulator.webhook = null;
    reply(response, 200, { ok: true, result: { url: "", updated_at: Date.now() } });
  },
  getWebhookInfo: (state, _body, response) =>
    reply(response, 200, {
      ok: true,
      result: { url: state.emulator.webhook?.url ?? "", updated_at: state.emulator.webhook?.updatedAt ?? 0 },
    }),
  sendMessage: send,
  sendPhoto: send,
  sendChatAction: (state, body, response) => {
    const chatId = typeof body.chat_id === "string" ? body.chat_id : "";
    if (body.action !== "typing" && body.action !== "upload_photo") {
      return fail(response, 400, "Bad Request: action must be typing or upload_photo");
    }
    if (refuseChat(state, response, chatId)) return;
    state.emulator.chatActions.push({ chatId, action: body.action });
    reply(response, 200, { ok: true });
  },
};

async function handle(state: ZaloState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? "");
  if (!match) return fail(response, 404, "Not Found");
  if (decodeURIComponent(match[1] as string) !== state.token) return fail(response, 401, "Unauthorized");
  const name = match[2] as string;
  const body = await bodyOf(request);
  if (body === null) return fail(response, 400, "Bad Request: the body is not JSON");
  const method = METHODS[name];
  if (!method) return fail(response, 404, "Not Found: unknown method");
  await method(state, body, response, name);
}

/** A person who writes to the bot; the same id gives the same person. */
function simulatedZaloUser(state: ZaloState, id?: string, profile: { displayName?: string } = {}): SimulatedZaloUser {
  const userId = id ?? hexId(0xe, state.next.userNumber++);
  const person = state.users.get(userId) ?? {
    displayName: profile.displayName ?? `Người dùng ${userId.slice(-4)}`,
    hasWritten: false,
    blocked: false,
  };
  state.users.set(userId, person);
  const messageFrom = (extra: Record<string, unknown>) => {
    person.hasWritten = true;
    return {
      message_id: hexId(0xa, state.next.incomingId++),
      date: Date.now(),
      from: { id: userId, display_name: person.displayName, is_bot: false },
      chat: { id: userId, chat_type: "PRIVATE" },
      ...extra,
    };
  };
  const inbox = () => state.messages.filter((m) => m.chatId === userId);
  return {
    id: userId,
    displayName: person.displayName,
    send(text) {
      pushUpdate(state, { event_name: "message.text.received", message: messageFrom({ text }) });
    },
    sendSticker() {
      pushUpdate(state, {
        event_name: "message.sticker.received",
        message: messageFrom({ sticker: "0e078a2fb66a5f34067b" }),
      });
    },
    block() {
      person.blocked = true;
    },
    unblock() {
      person.blocked = false;
    },
    inbox,
    waitForMessage: (predicate = () => true, options = {}) =>
      waitForMessageIn(`zalo user ${userId}`, inbox, predicate, options),
  };
}

/** Starts the emulator on 127.0.0.1 (a free port unless `port` is given). */
export async function startZaloApiEmulator(options: ZaloApiEmulatorOptions = {}): Promise<ZaloApiEmulator> {
  const state = {
    options,
    token: options.token ?? "1234567890123456789:emulatorSecretForTestsOnly_0123456789abcdef",
    random: createSeededRandom(options.seed ?? 1),
    ratePerSecond: options.ratePerSecond ?? 30,
    perChatIntervalMs: options.perChatIntervalMs ?? 0,
    maxPollSeconds: options.maxPollSeconds ?? 60,
    messages: [],
    stats: { accepted: 0, tooManyRequests: 0, serverErrors: 0, blocked: 0, unknownChat: 0, tooLong: 0 },
    users: new Map(),
    updates: [],
    pollers: new Set(),
    recent: [],
    lastByChat: new Map(),
    next: { messageId: 1, incomingId: 1, userNumber: 1 },
    webhookQueue: Promise.resolve(),
  } as Omit<ZaloState, "emulator"> as ZaloState;
  const server = createServer((request, response) => void handle(state, request, response));
  // An idle kept-alive connection is never closed under the client (see KEEP_ALIVE_MS).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.emulator = {
    apiRoot: `http://127.0.0.1:${port}`,
    token: state.token,
    messages: state.messages,
    webhook: null,
    webhookDeliveries: [],
    chatActions: [],
    user: (id, profile) => simulatedZaloUser(state, id, profile),
    stats: state.stats,
    close: async () => {
      for (const wake of [...state.pollers]) wake();
      await state.webhookQueue;
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
  return state.emulator;
}
