/**
 * The chat platform a fault scenario sends through: a notifier and the fake
 * server behind it that counts what arrived. Scenarios take a ChannelUnderTest,
 * so the same runs can drive another channel (Zalo) by adding one here.
 */
import { createTelegramNotifier } from "../../../src/bot/telegram-notifier.js";
import { type BotApiEmulator, startBotApiEmulator } from "../../../src/dev/bot-api-emulator.js";
import type { Notifier } from "../../../src/services/notifier.js";

/** Faults the fake server can inject, changeable while it runs. */
export interface ChannelFaults {
  /** Messages per second the platform accepts; beyond that it answers 429. */
  ratePerSecond?: number;
  /** Share of sends answered 5xx (nothing delivered). */
  serverErrorRate?: number;
  /** Share of sends delivered but answered only after `slowAnswerMs`. */
  slowAnswerRate?: number;
  slowAnswerMs?: number;
  /** Stop answering after this many messages (a worker is killed meanwhile); `resume` answers again. */
  holdAfter?: number;
  onHold?: () => void;
  port?: number;
}

export interface RunningChannel {
  /** Environment for a child process (`nhacviec worker`) to send through this server. */
  env: Record<string, string>;
  /** Where the platform's API answers (for messages naming it). */
  apiRoot: string;
  /** Every message the platform accepted: to whom and when. */
  arrivals(): Array<{ address: number; at: number }>;
  notifier(options?: { timeoutSeconds?: number }): Notifier;
  setFaults(faults: Partial<Pick<ChannelFaults, "serverErrorRate" | "slowAnswerRate" | "slowAnswerMs">>): void;
  resume(): void;
  close(): Promise<void>;
}

export interface ChannelUnderTest {
  name: string;
  /** The person columns that make `address` reachable on this channel. */
  personColumns(address: number): Record<string, unknown>;
  /** A notifier aimed at `apiRoot`, whether or not anything answers there. */
  notifierAt(apiRoot: string, options?: { timeoutSeconds?: number }): Notifier;
  /** Starts the fake server (on `faults.port` when given: a test brings an absent platform up there). */
  start(faults?: ChannelFaults): Promise<RunningChannel>;
}

const TOKEN = "123:FAULTS";

export const telegramChannel: ChannelUnderTest = {
  name: "telegram",
  personColumns: (address) => ({ telegram_user_id: address, telegram_chat_id: address }),
  notifierAt: (apiRoot, options = {}) =>
    createTelegramNotifier(TOKEN, { apiRoot, timeoutSeconds: options.timeoutSeconds ?? 10 }),
  async start(faults = {}) {
    const emulator: BotApiEmulator = await startBotApiEmulator({
      ratePerSecond: faults.ratePerSecond ?? 5000,
      perChatIntervalMs: 1000,
      serverErrorRate: faults.serverErrorRate ?? 0,
      slowAnswerRate: faults.slowAnswerRate ?? 0,
      slowAnswerMs: faults.slowAnswerMs ?? 0,
      ...(faults.holdAfter !== undefined ? { holdAfter: faults.holdAfter } : {}),
      ...(faults.onHold ? { onHold: faults.onHold } : {}),
      ...(faults.port !== undefined ? { port: faults.port } : {}),
    });
    return {
      env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot },
      apiRoot: emulator.apiRoot,
      arrivals: () => emulator.messages.map((m) => ({ address: m.chatId, at: m.at })),
      notifier: (options) => telegramChannel.notifierAt(emulator.apiRoot, options),
      setFaults(next) {
        Object.assign(emulator.faults, next);
      },
      resume: () => emulator.resume(),
      close: () => emulator.close(),
    };
  },
};
