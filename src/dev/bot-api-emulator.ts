import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
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
  stats: { accepted: number; tooManyRequests: number; serverErrors: number; forbidden: number; slowAnswers: number };
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

/**
 * A local stand-in for the Telegram Bot API (sendMessage, getMe and the
 * handful of calls the bot makes) that enforces Telegram's rate limits with
 * 429s, fails at random on request, and records every message it accepts:
 * tests and benchmarks count deliveries and duplicates at the far end.
 */
export async function startBotApiEmulator(options: BotApiEmulatorOptions = {}): Promise<BotApiEmulator> {
  const random = createSeededRandom(options.seed ?? 1);
  const ratePerSecond = options.ratePerSecond ?? 30;
  const perChatIntervalMs = options.perChatIntervalMs ?? 1000;
  const blocked = new Set(options.blockedChats ?? []);
  const messages: EmulatedMessage[] = [];
  const stats = { accepted: 0, tooManyRequests: 0, serverErrors: 0, forbidden: 0, slowAnswers: 0 };
  const faults: EmulatorFaults = {
    serverErrorRate: options.serverErrorRate ?? 0,
    slowAnswerRate: options.slowAnswerRate ?? 0,
    slowAnswerMs: options.slowAnswerMs ?? 0,
  };
  const recent: number[] = [];
  const lastByChat = new Map<number, number>();
  let nextMessageId = 1;
  let nextUpdateId = 1;
  let nextFileId = 1;
  let nextCallbackId = 1;
  const updates: Array<Record<string, unknown> & { update_id: number }> = [];
  const pollers = new Set<() => void>();
  const files = new Map<string, { path: string; bytes: Buffer }>();
  const callbackAnswers: CallbackAnswer[] = [];
  const commands = new Map<string, Array<{ command: string; description: string }>>();
  const pushUpdate = (update: Record<string, unknown>) => {
    updates.push({ update_id: nextUpdateId++, ...update });
    for (const wake of [...pollers]) wake();
  };
  const findMessage = (chatId: number, messageId: number) =>
    messages.find((m) => m.chatId === chatId && m.messageId === messageId);
  const keyboardOf = (markup: unknown): EmulatedMessage["buttons"] => {
    const parsed = (typeof markup === "string" ? JSON.parse(markup) : markup) as
      { inline_keyboard?: EmulatedMessage["buttons"]; keyboard?: EmulatedMessage["buttons"] } | undefined;
    // A reply keyboard's buttons are kept too: pressing one sends its text.
    return parsed?.inline_keyboard ?? parsed?.keyboard ?? [];
  };
  let holding = false;
  let heldOnce = false;

  const server = createServer((request, response) => {
    void (async () => {
      const fileMatch = /^\/file\/bot[^/]+\/(.+)$/.exec(request.url ?? "");
      if (fileMatch) {
        const file = [...files.values()].find((f) => f.path === decodeURIComponent(fileMatch[1] as string));
        if (!file) return reply(response, 404, { ok: false, error_code: 404, description: "Not Found" });
        response.writeHead(200, { "content-type": "application/octet-stream" });
        response.end(file.bytes);
        return;
      }
      const match = /^\/bot[^/]+\/(\w+)$/.exec(request.url ?? "");
      if (!match) return reply(response, 404, { ok: false, error_code: 404, description: "Not Found" });
      const method = match[1] as string;
      const body = await bodyOf(request);
      if (method === "getMe") {
        return reply(response, 200, {
          ok: true,
          result: { id: 1, is_bot: true, first_name: "nhacviec", username: "nhacviec_bot" },
        });
      }
      if (method === "getUpdates") {
        const offset = Number(body.offset ?? 0);
        const pending = () => updates.filter((u) => u.update_id >= offset);
        // Confirmed updates are forgotten, as Telegram does.
        while (updates.length > 0 && (updates[0] as { update_id: number }).update_id < offset) updates.shift();
        if (pending().length === 0 && Number(body.timeout ?? 0) > 0) {
          await new Promise<void>((resolve) => {
            const wake = () => {
              pollers.delete(wake);
              clearTimeout(timer);
              resolve();
            };
            const timer = setTimeout(wake, Math.min(Number(body.timeout) * 1000, 30_000));
            pollers.add(wake);
          });
        }
        return reply(response, 200, { ok: true, result: pending().slice(0, Number(body.limit ?? 100)) });
      }
      if (method === "answerCallbackQuery") {
        callbackAnswers.push({
          callbackQueryId: String(body.callback_query_id),
          text: typeof body.text === "string" ? body.text : undefined,
          showAlert: body.show_alert === true || body.show_alert === "true",
        });
        return reply(response, 200, { ok: true, result: true });
      }
      if (method === "setWebhook") {
        emulator.webhook = {
          url: String(body.url),
          secretToken: typeof body.secret_token === "string" ? body.secret_token : undefined,
        };
        return reply(response, 200, { ok: true, result: true });
      }
      if (method === "deleteWebhook") {
        emulator.webhook = null;
        return reply(response, 200, { ok: true, result: true });
      }
      if (method === "setMyCommands") {
        const list = (typeof body.commands === "string" ? JSON.parse(body.commands) : body.commands) as Array<{
          command: string;
          description: string;
        }>;
        commands.set(typeof body.language_code === "string" ? body.language_code : "", list);
        return reply(response, 200, { ok: true, result: true });
      }
      if (method === "getFile") {
        const file = files.get(String(body.file_id));
        if (!file)
          return reply(response, 400, { ok: false, error_code: 400, description: "Bad Request: invalid file_id" });
        return reply(response, 200, {
          ok: true,
          result: {
            file_id: body.file_id,
            file_unique_id: `u${String(body.file_id)}`,
            file_size: file.bytes.length,
            file_path: file.path,
          },
        });
      }
      if (method === "editMessageText" || method === "editMessageReplyMarkup") {
        const message = findMessage(Number(body.chat_id), Number(body.message_id));
        if (!message) {
          return reply(response, 400, {
            ok: false,
            error_code: 400,
            description: "Bad Request: message to edit not found",
          });
        }
        if (method === "editMessageText") message.text = typeof body.text === "string" ? body.text : "";
        message.buttons = keyboardOf(body.reply_markup);
        message.edits++;
        emulator.onMessage?.(message, "edited");
        return reply(response, 200, {
          ok: true,
          result: {
            message_id: message.messageId,
            chat: { id: message.chatId, type: "private" },
            date: Math.floor(Date.now() / 1000),
            text: message.text,
          },
        });
      }
      if (method === "sendDocument" || method === "sendPhoto") {
        const field = method === "sendDocument" ? body.document : body.photo;
        const attached =
          typeof field === "string" && field.startsWith("attach://") ? body[field.slice("attach://".length)] : field;
        const file = attached as { fileName: string; bytes: Buffer } | undefined;
        const message: EmulatedMessage = {
          chatId: Number(body.chat_id),
          messageId: nextMessageId++,
          text: typeof body.caption === "string" ? body.caption : "",
          buttons: keyboardOf(body.reply_markup),
          at: Date.now(),
          edits: 0,
          ...(file?.bytes ? { document: file } : {}),
        };
        messages.push(message);
        emulator.onMessage?.(message, "sent");
        return reply(response, 200, {
          ok: true,
          result: {
            message_id: message.messageId,
            date: Math.floor(message.at / 1000),
            chat: { id: message.chatId, type: "private" },
          },
        });
      }
      if (method !== "sendMessage") return reply(response, 200, { ok: true, result: true });
      if (holding) return;
      if (options.holdAfter !== undefined && stats.accepted >= options.holdAfter && !heldOnce) {
        holding = true;
        heldOnce = true;
        options.onHold?.();
        return;
      }
      if (faults.serverErrorRate > 0 && random() < faults.serverErrorRate) {
        stats.serverErrors++;
        return reply(response, random() < 0.5 ? 500 : 502, {
          ok: false,
          error_code: 500,
          description: "Internal Server Error",
        });
      }
      const chatId = Number(body.chat_id);
      if (blocked.has(chatId)) {
        stats.forbidden++;
        return reply(response, 403, {
          ok: false,
          error_code: 403,
          description: "Forbidden: bot was blocked by the user",
        });
      }
      const now = Date.now();
      while (recent.length > 0 && (recent[0] as number) <= now - 1000) recent.shift();
      const lastToChat = lastByChat.get(chatId);
      const chatTooSoon = lastToChat !== undefined && now - lastToChat < perChatIntervalMs;
      if (recent.length >= ratePerSecond || chatTooSoon) {
        stats.tooManyRequests++;
        return reply(response, 429, {
          ok: false,
          error_code: 429,
          description: "Too Many Requests: retry after 1",
          parameters: { retry_after: 1 },
        });
      }
      recent.push(now);
      lastByChat.set(chatId, now);
      const messageId = nextMessageId++;
      const message: EmulatedMessage = {
        chatId,
        messageId,
        text: typeof body.text === "string" ? body.text : "",
        buttons: keyboardOf(body.reply_markup),
        at: now,
        edits: 0,
      };
      messages.push(message);
      emulator.onMessage?.(message, "sent");
      stats.accepted++;
      // Delivered now, answered late: the sender's timeout fires although the person has the message.
      if (faults.slowAnswerRate > 0 && random() < faults.slowAnswerRate) {
        stats.slowAnswers++;
        await new Promise((resolve) => setTimeout(resolve, faults.slowAnswerMs));
      }
      return reply(response, 200, {
        ok: true,
        result: {
          message_id: messageId,
          date: Math.floor(now / 1000),
          chat: { id: chatId, type: "private" },
          text: body.text,
        },
      });
    })();
  });
  // Node closes an idle kept-alive connection after 5 s; a client reusing it at that moment gets ECONNRESET with
  // its request unread, which a sender must count as "maybe delivered" and never resend. Telegram keeps idle
  // connections far longer, so the emulator does too: the race is the emulator's, not the platform's.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const user = (
    id: number,
    profile: { firstName?: string; lastName?: string; languageCode?: string } = {},
  ): SimulatedUser => {
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
      const fileId = `file-${nextFileId++}`;
      const extension = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? "";
      files.set(fileId, { path: `documents/${fileId}${extension}`, bytes });
      return fileId;
    };
    const press = (message: EmulatedMessage, callbackData: string) =>
      pushUpdate({
        callback_query: {
          id: String(nextCallbackId++),
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
    const inbox = () => messages.filter((m) => m.chatId === id);
    return {
      id,
      send(text) {
        const entities = text.startsWith("/")
          ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }]
          : undefined;
        pushUpdate({ message: { ...baseMessage(), text, ...(entities ? { entities } : {}) } });
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
        pushUpdate({
          message: {
            ...baseMessage(),
            document: {
              file_id: fileId,
              file_unique_id: `u${fileId}`,
              file_name: fileName,
              mime_type: mimeType,
              file_size: bytes.length,
            },
          },
        });
      },
      sendPhoto(bytes) {
        const fileId = addFile(bytes, "photo.jpg");
        pushUpdate({
          message: {
            ...baseMessage(),
            photo: [
              { file_id: fileId, file_unique_id: `u${fileId}`, width: 1280, height: 960, file_size: bytes.length },
            ],
          },
        });
      },
      inbox,
      async waitForMessage(predicate = () => true, options = {}) {
        const deadline = Date.now() + (options.timeoutMs ?? 10_000);
        for (;;) {
          const found = inbox()
            .slice(options.after ?? 0)
            .find(predicate);
          if (found) return found;
          if (Date.now() > deadline) {
            throw new Error(
              `user ${id}: no matching message; inbox: ${JSON.stringify(inbox().map((m) => m.text.slice(0, 80)))}`,
            );
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
    };
  };

  const emulator: BotApiEmulator = {
    apiRoot: `http://127.0.0.1:${port}`,
    messages,
    callbackAnswers,
    commands,
    webhook: null,
    user,
    stats,
    faults,
    block: (chatId) => {
      blocked.add(chatId);
    },
    resume: () => {
      holding = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const wake of [...pollers]) wake();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return emulator;
}
