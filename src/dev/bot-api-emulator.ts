import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { KEEP_ALIVE_MS, waitForMessageIn } from "./emulated-inbox.js";
import { createSeededRandom } from "./seeded-random.js";

/** A message the emulator accepted, as a chat would show it (edits change it in place). */
export interface EmulatedMessage {
  chatId: number;
  messageId: number;
  text: string;
  buttons: Array<Array<{ text: string; callback_data?: string }>>;
  at: number;
  /** How many times the bot edited it. */
  edits: number;
  /** A file the bot sent (sendDocument, sendPhoto); `text` holds its caption. */
  document?: { fileName: string; bytes: Buffer };
}

/** What the bot answered to a button press (the toast or alert a user sees). */
export interface CallbackAnswer {
  callbackQueryId: string;
  text: string | undefined;
  showAlert: boolean;
}

/** A person in a private chat with the bot, driven by a test or the demo. */
export interface SimulatedUser {
  id: number;
  /** Sends text (a command when it starts with "/"). */
  send(text: string): void;
  /** Presses the button whose text contains `label` (or whose payload equals it) on `message`. */
  press(message: EmulatedMessage, label: string): void;
  /** Presses a button with any payload, as a forged client could. */
  pressRaw(message: EmulatedMessage, callbackData: string): void;
  sendDocument(fileName: string, bytes: Buffer, mimeType?: string): void;
  sendPhoto(bytes: Buffer): void;
  /** Messages the bot sent to this user, oldest first. */
  inbox(): EmulatedMessage[];
  /** Waits for a message to this user, after the `after`-th one, matching `predicate`. */
  waitForMessage(
    predicate?: (message: EmulatedMessage) => boolean,
    options?: { after?: number; timeoutMs?: number },
  ): Promise<EmulatedMessage>;
}

export interface BotApiEmulatorOptions {
  /** Messages per second the emulated bot may send; more get 429 with retry_after. */
  ratePerSecond?: number;
  /** Minimum milliseconds between two messages to one chat; sooner gets 429. */
  perChatIntervalMs?: number;
  /** Share of requests answered 500/502 at random (nothing delivered). */
  serverErrorRate?: number;
  /** Chats that blocked the bot (403). */
  blockedChats?: number[];
  /** Seed of the emulator's randomness, so a failing run can be replayed. */
  seed?: number;
  port?: number;
  /**
   * After this many accepted messages, stop answering sendMessage (requests
   * hang, nothing is delivered) and call onHold: a test kills the sender then,
   * mid-batch, and calls resume() before starting a new one.
   */
  holdAfter?: number;
  onHold?: () => void;
  /** Share of accepted messages answered only after `slowAnswerMs` (delivered, the answer late). */
  slowAnswerRate?: number;
  slowAnswerMs?: number;
}

/** Faults a running emulator injects; a test changes them mid-run (a storm starts, the API slows down). */
export interface EmulatorFaults {
  serverErrorRate: number;
  slowAnswerRate: number;
  slowAnswerMs: number;
}

export interface BotApiEmulator {
  /** Give this as TELEGRAM_API_ROOT. */
  apiRoot: string;
  messages: EmulatedMessage[];
  callbackAnswers: CallbackAnswer[];
  /** The webhook the bot set (setWebhook), or null after deleteWebhook. */
  webhook: { url: string; secretToken: string | undefined } | null;
  /** setMyCommands calls, by language code ("" for the default). */
  commands: Map<string, Array<{ command: string; description: string }>>;
  /** A user who talks to the bot through getUpdates. */
  user(id: number, profile?: { firstName?: string; lastName?: string; languageCode?: string }): SimulatedUser;
  /** Called with every message the bot sends or edits (the demo prints them). */
  onMessage?: (message: EmulatedMessage, kind: "sent" | "edited") => void;
  stats: {
    accepted: number;
    tooManyRequests: number;
    /** When each 429 was answered (ms since the epoch): a benchmark says when its pauses came. */
    tooManyRequestsAt: number[];
    serverErrors: number;
    forbidden: number;
    slowAnswers: number;
  };
  faults: EmulatorFaults;
  /** Answers requests again after a hold. */
  resume(): void;
  /** The person blocks the bot: every send to the chat is refused with 403 from now on. */
  block(chatId: number): void;
  close(): Promise<void>;
}

/** Splits a multipart/form-data body (grammY sends files that way) into fields and files. */
function parseMultipart(body: Buffer, boundary: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    if (split !== -1) {
      const headers = part.subarray(0, split).toString("utf8");
      const content = part.subarray(split + 4);
      // Quotes are optional: grammY writes filename=a.xlsx.
      const name = /[;\s]name="?([^";\r\n]*)"?/i.exec(`;${headers}`)?.[1];
      const fileName = /filename="?([^";\r\n]*)"?/i.exec(headers)?.[1];
      if (name !== undefined) {
        result[name] = fileName !== undefined ? { fileName, bytes: Buffer.from(content) } : content.toString("utf8");
      }
    }
    start = next;
  }
  return result;
}

async function bodyOf(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const boundary = /multipart\/form-data;.*boundary=("?)([^";]+)\1/.exec(request.headers["content-type"] ?? "")?.[2];
  if (boundary) return parseMultipart(raw, boundary);
  const text = raw.toString("utf8");
  if (text.length === 0) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return Object.fromEntries(new URLSearchParams(text));
  }
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** Everything a running emulator holds: what the methods and the simulated users read and change. */
interface EmulatorState {
  options: BotApiEmulatorOptions;
  random: () => number;
  ratePerSecond: number;
  perChatIntervalMs: number;
  blocked: Set<number>;
  messages: EmulatedMessage[];
  stats: BotApiEmulator["stats"];
  faults: EmulatorFaults;
  /** Instants of the sends accepted in the last second, and of the last send to each chat. */
  recent: number[];
  lastByChat: Map<number, number>;
  next: { messageId: number; updateId: number; fileId: number; callbackId: number };
  updates: Array<Record<string, unknown> & { update_id: number }>;
  /** Long polls waiting for an update. */
  pollers: Set<() => void>;
  files: Map<string, { path: string; bytes: Buffer }>;
  callbackAnswers: CallbackAnswer[];
  commands: BotApiEmulator["commands"];
  hold: { holding: boolean; heldOnce: boolean };
  emulator: BotApiEmulator;
}

type Body = Record<string, unknown>;
/** One Bot API method: answers the request from the body, changing the state. */
type Method = (state: EmulatorState, body: Body, response: ServerResponse) => void | Promise<void>;

const ok = (response: ServerResponse, result: unknown = true) => reply(response, 200, { ok: true, result });
const badRequest = (response: ServerResponse, description: string) =>
  reply(response, 400, { ok: false, error_code: 400, description: `Bad Request: ${description}` });

function pushUpdate(state: EmulatorState, update: Record<string, unknown>): void {
  state.updates.push({ update_id: state.next.updateId++, ...update });
  for (const wake of [...state.pollers]) wake();
}

function keyboardOf(markup: unknown): EmulatedMessage["buttons"] {
  const parsed = (typeof markup === "string" ? JSON.parse(markup) : markup) as
    { inline_keyboard?: EmulatedMessage["buttons"]; keyboard?: EmulatedMessage["buttons"] } | undefined;
  // A reply keyboard's buttons are kept too: pressing one sends its text.
  return parsed?.inline_keyboard ?? parsed?.keyboard ?? [];
}

/** Long polling: answers at once when updates wait, else when one comes or the timeout passes. */
const getUpdates: Method = async (state, body, response) => {
  const offset = Number(body.offset ?? 0);
  const pending = () => state.updates.filter((u) => u.update_id >= offset);
  // Confirmed updates are forgotten, as Telegram does.
  while (state.updates.length > 0 && (state.updates[0] as { update_id: number }).update_id < offset)
    state.updates.shift();
  if (pending().length === 0 && Number(body.timeout ?? 0) > 0) {
    await new Promise<void>((resolve) => {
      const wake = () => {
        state.pollers.delete(wake);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(wake, Math.min(Number(body.timeout) * 1000, 30_000));
      state.pollers.add(wake);
    });
  }
  ok(response, pending().slice(0, Number(body.limit ?? 100)));
};

/** editMessageText (text and buttons) and editMessageReplyMarkup (buttons only): the message changes in place. */
const editMessage =
  (withText: boolean): Method =>
  (state, body, response) => {
    const chatId = Number(body.chat_id);
    const message = state.messages.find((m) => m.chatId === chatId && m.messageId === Number(body.message_id));
    if (!message) return badRequest(response, "message to edit not found");
    if (withText) message.text = typeof body.text === "string" ? body.text : "";
    message.buttons = keyboardOf(body.reply_markup);
    message.edits++;
    state.emulator.onMessage?.(message, "edited");
    ok(response, {
      message_id: message.messageId,
      chat: { id: message.chatId, type: "private" },
      date: Math.floor(Date.now() / 1000),
      text: message.text,
    });
  };

/** sendDocument and sendPhoto: the file is kept on the message, its caption as the text. No limits apply. */
const sendFile =
  (field: "document" | "photo"): Method =>
  (state, body, response) => {
    const value = body[field];
    const attached =
      typeof value === "string" && value.startsWith("attach://") ? body[value.slice("attach://".length)] : value;
    const file = attached as { fileName: string; bytes: Buffer } | undefined;
    const message: EmulatedMessage = {
      chatId: Number(body.chat_id),
      messageId: state.next.messageId++,
      text: typeof body.caption === "string" ? body.caption : "",
      buttons: keyboardOf(body.reply_markup),
      at: Date.now(),
      edits: 0,
      ...(file?.bytes ? { document: file } : {}),
    };
    state.messages.push(message);
    state.emulator.onMessage?.(message, "sent");
    ok(response, {
      message_id: message.messageId,
      date: Math.floor(message.at / 1000),
      chat: { id: message.chatId, type: "private" },
    });
  };

/** The refusal a sendMessage gets before anything is delivered (a fault, a block, a rate limit), if any. */
function refusalOf(state: EmulatorState, chatId: number, now: number): { status: number; body: unknown } | null {
  const { faults, stats, random } = state;
  if (faults.serverErrorRate > 0 && random() < faults.serverErrorRate) {
    stats.serverErrors++;
    const status = random() < 0.5 ? 500 : 502;
    return { status, body: { ok: false, error_code: 500, description: "Internal Server Error" } };
  }
  if (state.blocked.has(chatId)) {
    stats.forbidden++;
    return { status: 403, body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } };
  }
  while (state.recent.length > 0 && (state.recent[0] as number) <= now - 1000) state.recent.shift();
  const lastToChat = state.lastByChat.get(chatId);
  const chatTooSoon = lastToChat !== undefined && now - lastToChat < state.perChatIntervalMs;
  if (state.recent.length >= state.ratePerSecond || chatTooSoon) {
    stats.tooManyRequests++;
    stats.tooManyRequestsAt.push(now);
    return {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 1",
        parameters: { retry_after: 1 },
      },
    };
  }
  return null;
}

/** sendMessage, with Telegram's limits, the injected faults and the hold a crash test asks for. */
const sendMessage: Method = async (state, body, response) => {
  const { options, hold, stats, faults } = state;
  if (hold.holding) return;
  if (options.holdAfter !== undefined && stats.accepted >= options.holdAfter && !hold.heldOnce) {
    hold.holding = true;
    hold.heldOnce = true;
    options.onHold?.();
    return;
  }
  const chatId = Number(body.chat_id);
  const now = Date.now();
  const refusal = refusalOf(state, chatId, now);
  if (refusal) return reply(response, refusal.status, refusal.body);
  state.recent.push(now);
  state.lastByChat.set(chatId, now);
  const messageId = state.next.messageId++;
  const text = typeof body.text === "string" ? body.text : "";
  const message: EmulatedMessage = {
    chatId,
    messageId,
    text,
    buttons: keyboardOf(body.reply_markup),
    at: now,
    edits: 0,
  };
  state.messages.push(message);
  state.emulator.onMessage?.(message, "sent");
  stats.accepted++;
  // Delivered now, answered late: the sender's timeout fires although the person has the message.
  if (faults.slowAnswerRate > 0 && state.random() < faults.slowAnswerRate) {
    stats.slowAnswers++;
    await new Promise((resolve) => setTimeout(resolve, faults.slowAnswerMs));
  }
  ok(response, {
    message_id: messageId,
    date: Math.floor(now / 1000),
    chat: { id: chatId, type: "private" },
    text: body.text,
  });
};

/** The Bot API methods the bot calls; any other method answers `true`. */
const METHODS: Record<string, Method> = {
  getMe: (_state, _body, response) =>
    ok(response, { id: 1, is_bot: true, first_name: "nhacviec", username: "nhacviec_bot" }),
  getUpdates,
  answerCallbackQuery: (state, body, response) => {
    state.callbackAnswers.push({
      callbackQueryId: String(body.callback_query_id),
      text: typeof body.text === "string" ? body.text : undefined,
      showAlert: body.show_alert === true || body.show_alert === "true",
    });
    ok(response);
  },
  setWebhook: (state, body, response) => {
    const secretToken = typeof body.secret_token === "string" ? body.secret_token : undefined;
    state.emulator.webhook = { url: String(body.url), secretToken };
    ok(response);
  },
  deleteWebhook: (state, _body, response) => {
    state.emulator.webhook = null;
    ok(response);
  },
  setMyCommands: (state, body, response) => {
    const list = (typeof body.commands === "string" ? JSON.parse(body.commands) : body.commands) as Array<{
      command: string;
      description: string;
    }>;
    state.commands.set(typeof body.language_code === "string" ? body.language_code : "", list);
    ok(response);
  },
  getFile: (state, body, response) => {
    const file = state.files.get(String(body.file_id));
    if (!file) return badRequest(response, "invalid file_id");
    ok(response, {
      file_id: body.file_id,
      file_unique_id: `u${String(body.file_id)}`,
      file_size: file.bytes.length,
      file_path: file.path,
    });
  },
  editMessageText: editMessage(true),
  editMessageReplyMarkup: editMessage(false),
  sendDocument: sendFile("document"),
  sendPhoto: sendFile("photo"),
  sendMessage,
};

/** Answers one HTTP request: a file download, or a Bot API method from the table. */
async function handle(state: EmulatorState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const fileMatch = /^\/file\/bot[^/]+\/(.+)$/.exec(request.url ?? "");
  if (fileMatch) {
    const file = [...state.files.values()].find((f) => f.path === decodeURIComponent(fileMatch[1] as string));
    if (!file) return reply(response, 404, { ok: false, error_code: 404, description: "Not Found" });
    response.writeHead(200, { "content-type": "application/octet-stream" });
    response.end(file.bytes);
    return;
  }
  const match = /^\/bot[^/]+\/(\w+)$/.exec(request.url ?? "");
  if (!match) return reply(response, 404, { ok: false, error_code: 404, description: "Not Found" });
  const body = await bodyOf(request);
  const method = METHODS[match[1] as string];
  if (method) await method(state, body, response);
  else ok(response);
}

/** A person in a private chat with the bot: what they send becomes an update the bot polls. */
function simulatedUser(
  state: EmulatorState,
  id: number,
  profile: { firstName?: string; lastName?: string; languageCode?: string } = {},
): SimulatedUser {
  const from = {
    id,
    is_bot: false,
    first_name: profile.firstName ?? `User ${id}`,
    ...(profile.lastName ? { last_name: profile.lastName } : {}),
    language_code: profile.languageCode ?? "vi",
  };
  const chat = { id, type: "private", first_name: from.first_name };
  let nextUserMessageId = 1_000_000;
  const baseMessage = () => ({ message_id: nextUserMessageId++, date: Math.floor(Date.now() / 1000), chat, from });
  const addFile = (bytes: Buffer, name: string) => {
    const fileId = `file-${state.next.fileId++}`;
    const extension = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? "";
    state.files.set(fileId, { path: `documents/${fileId}${extension}`, bytes });
    return fileId;
  };
  const press = (message: EmulatedMessage, callbackData: string) =>
    pushUpdate(state, {
      callback_query: {
        id: String(state.next.callbackId++),
        from,
        chat_instance: String(id),
        data: callbackData,
        message: {
          message_id: message.messageId,
          date: Math.floor(message.at / 1000),
          chat,
          text: message.text,
          from: { id: 1, is_bot: true, first_name: "nhacviec", username: "nhacviec_bot" },
        },
      },
    });
  const inbox = () => state.messages.filter((m) => m.chatId === id);
  return {
    id,
    send(text) {
      const entities = text.startsWith("/")
        ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }]
        : undefined;
      pushUpdate(state, { message: { ...baseMessage(), text, ...(entities ? { entities } : {}) } });
    },
    press(message, label) {
      const button = message.buttons.flat().find((b) => b.callback_data === label || b.text.includes(label));
      if (!button?.callback_data) {
        throw new Error(`no button "${label}" on message ${message.messageId}: ${JSON.stringify(message.buttons)}`);
      }
      press(message, button.callback_data);
    },
    pressRaw: press,
    sendDocument(fileName, bytes, mimeType = "application/octet-stream") {
      const fileId = addFile(bytes, fileName);
      const document = { file_id: fileId, file_unique_id: `u${fileId}`, file_name: fileName, mime_type: mimeType };
      pushUpdate(state, { message: { ...baseMessage(), document: { ...document, file_size: bytes.length } } });
    },
    sendPhoto(bytes) {
      const fileId = addFile(bytes, "photo.jpg");
      const size = { width: 1280, height: 960, file_size: bytes.length };
      pushUpdate(state, {
        message: { ...baseMessage(), photo: [{ file_id: fileId, file_unique_id: `u${fileId}`, ...size }] },
      });
    },
    inbox,
    waitForMessage: (predicate = () => true, options = {}) => waitForMessageIn(`user ${id}`, inbox, predicate, options),
  };
}

/**
 * A local stand-in for the Telegram Bot API (sendMessage, getMe and the
 * handful of calls the bot makes) that enforces Telegram's rate limits with
 * 429s, fails at random on request, and records every message it accepts:
 * tests and benchmarks count deliveries and duplicates at the far end.
 */
export async function startBotApiEmulator(options: BotApiEmulatorOptions = {}): Promise<BotApiEmulator> {
  const state = {
    options,
    random: createSeededRandom(options.seed ?? 1),
    ratePerSecond: options.ratePerSecond ?? 30,
    perChatIntervalMs: options.perChatIntervalMs ?? 1000,
    blocked: new Set(options.blockedChats ?? []),
    messages: [],
    stats: { accepted: 0, tooManyRequests: 0, tooManyRequestsAt: [], serverErrors: 0, forbidden: 0, slowAnswers: 0 },
    faults: {
      serverErrorRate: options.serverErrorRate ?? 0,
      slowAnswerRate: options.slowAnswerRate ?? 0,
      slowAnswerMs: options.slowAnswerMs ?? 0,
    },
    recent: [],
    lastByChat: new Map(),
    next: { messageId: 1, updateId: 1, fileId: 1, callbackId: 1 },
    updates: [],
    pollers: new Set(),
    files: new Map(),
    callbackAnswers: [],
    commands: new Map(),
    hold: { holding: false, heldOnce: false },
  } as Omit<EmulatorState, "emulator"> as EmulatorState;
  const server = createServer((request, response) => void handle(state, request, response));
  // An idle kept-alive connection is never closed under the client: Node's 5 s default races a send that
  // reuses it on a busy machine (ECONNRESET), and a send with no answer counts as maybe delivered, never resent.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.emulator = {
    apiRoot: `http://127.0.0.1:${port}`,
    messages: state.messages,
    callbackAnswers: state.callbackAnswers,
    commands: state.commands,
    webhook: null,
    user: (id, profile) => simulatedUser(state, id, profile),
    stats: state.stats,
    faults: state.faults,
    block: (chatId) => {
      state.blocked.add(chatId);
    },
    resume: () => {
      state.hold.holding = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const wake of [...state.pollers]) wake();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state.emulator;
}
