import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createSeededRandom } from "./seeded-random.js";

/** A message the emulator accepted, as a chat would show it. */
export interface EmulatedMessage {
  chatId: number;
  messageId: number;
  text: string;
  buttons: Array<Array<{ text: string; callback_data?: string }>>;
  at: number;
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
}

export interface BotApiEmulator {
  /** Give this as TELEGRAM_API_ROOT. */
  apiRoot: string;
  messages: EmulatedMessage[];
  stats: { accepted: number; tooManyRequests: number; serverErrors: number; forbidden: number };
  /** Answers requests again after a hold. */
  resume(): void;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
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
  const stats = { accepted: 0, tooManyRequests: 0, serverErrors: 0, forbidden: 0 };
  const recent: number[] = [];
  const lastByChat = new Map<number, number>();
  let nextMessageId = 1;
  let holding = false;
  let heldOnce = false;

  const server = createServer((request, response) => {
    void (async () => {
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
      if (method !== "sendMessage") return reply(response, 200, { ok: true, result: true });
      if (holding) return;
      if (options.holdAfter !== undefined && stats.accepted >= options.holdAfter && !heldOnce) {
        holding = true;
        heldOnce = true;
        options.onHold?.();
        return;
      }
      if ((options.serverErrorRate ?? 0) > 0 && random() < (options.serverErrorRate ?? 0)) {
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
      const markup = body.reply_markup as { inline_keyboard?: EmulatedMessage["buttons"] } | string | undefined;
      const keyboard =
        typeof markup === "string" ? (JSON.parse(markup) as { inline_keyboard?: EmulatedMessage["buttons"] }) : markup;
      messages.push({
        chatId,
        messageId,
        text: typeof body.text === "string" ? body.text : "",
        buttons: keyboard?.inline_keyboard ?? [],
        at: now,
      });
      stats.accepted++;
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
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    messages,
    stats,
    resume: () => {
      holding = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
