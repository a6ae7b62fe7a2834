/**
 * The chat platforms a fault scenario sends through: a notifier and the fake
 * server behind it that counts what arrived. Scenarios take ChannelUnderTest
 * values, Telegram's and Zalo's, and count each one's arrivals apart.
 */
import { createTelegramNotifier } from "../../../src/channels/telegram/telegram-notifier.js";
import { type BotApiEmulator, startBotApiEmulator } from "../../../src/dev/bot-api-emulator.js";
import { startZaloApiEmulator, type ZaloApiEmulatorOptions } from "../../../src/dev/zalo-api-emulator.js";
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
  /** Settings for startReminders that aim the engine at this server (Zalo's; none for Telegram). */
  reminderConfig: Record<string, string | number>;
  /** Makes these addresses chats the platform delivers to (on Zalo: the person wrote to the bot first). */
  introduce(addresses: number[]): void;
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
  /** The person_channels chat that makes `address` reachable, for a channel bound there. */
  boundChat?(address: number): { channel: string; chat_id: string };
  /** A notifier aimed at `apiRoot`, whether or not anything answers there. */
  notifierAt(apiRoot: string, options?: { timeoutSeconds?: number }): Notifier;
  /** Starts the fake server (on `faults.port` when given: a test brings an absent platform up there). */
  start(faults?: ChannelFaults): Promise<RunningChannel>;
}

const TOKEN = "123:FAULTS";

export const telegramChannel: ChannelUnderTest = {
  name: "telegram",
  personColumns: (address) => ({ telegram_user_id: address }),
  boundChat: (address) => ({ channel: "telegram", chat_id: String(address) }),
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
      reminderConfig: {},
      introduce() {},
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

/** Zalo chat ids are 20 hex digits; the address stays readable in them and is read back for the tally. */
const zaloChatOf = (address: number) => `f${String(address).padStart(19, "0")}`;
const addressOfZaloChat = (chatId: string) => Number(chatId.slice(1));

/**
 * Zalo through its API emulator. The emulator cannot hold requests as the Bot
 * API emulator does, so `holdAfter` is not offered; a scenario that needs Zalo
 * quiet answers its sends 5xx meanwhile (`setFaults`).
 */
export const zaloChannel: ChannelUnderTest = {
  name: "zalo",
  personColumns: () => ({}),
  boundChat: (address) => ({ channel: "zalo", chat_id: zaloChatOf(address) }),
  notifierAt: () => {
    throw new Error("the Zalo channel is built by startReminders from reminderConfig");
  },
  async start(faults = {}) {
    if (faults.holdAfter !== undefined || faults.slowAnswerRate)
      throw new Error("the Zalo emulator cannot hold or slow answers");
    // Read by the emulator on every send, so setFaults changes it while it runs.
    const options: ZaloApiEmulatorOptions = {
      ratePerSecond: faults.ratePerSecond ?? 5000,
      serverErrorRate: faults.serverErrorRate ?? 0,
      seed: 17,
      ...(faults.port !== undefined ? { port: faults.port } : {}),
    };
    const emulator = await startZaloApiEmulator(options);
    const reminderConfig = {
      zaloBotToken: emulator.token,
      zaloApiRoot: emulator.apiRoot,
      zaloMessagesPerSecond: 1000,
      publicUrl: "http://nhacviec.test",
      taskLinkSecret: "faults-task-link-secret-0123456789abcdef",
    };
    return {
      env: {
        ZALO_BOT_TOKEN: reminderConfig.zaloBotToken,
        ZALO_API_ROOT: reminderConfig.zaloApiRoot,
        ZALO_MESSAGES_PER_SECOND: String(reminderConfig.zaloMessagesPerSecond),
        PUBLIC_URL: reminderConfig.publicUrl,
        TASK_LINK_SECRET: reminderConfig.taskLinkSecret,
      },
      reminderConfig,
      introduce(addresses) {
        for (const address of addresses) emulator.user(zaloChatOf(address)).send("chào");
      },
      apiRoot: emulator.apiRoot,
      arrivals: () => emulator.messages.map((m) => ({ address: addressOfZaloChat(m.chatId), at: m.at })),
      notifier: () => zaloChannel.notifierAt(emulator.apiRoot),
      setFaults(next) {
        if (next.serverErrorRate !== undefined) options.serverErrorRate = next.serverErrorRate;
      },
      resume() {},
      close: () => emulator.close(),
    };
  },
};

/** Telegram and Zalo started together for one scenario with a mixed recipient set. */
export interface RunningMix {
  telegram: RunningChannel;
  zalo: RunningChannel;
  each: Array<{ channel: ChannelUnderTest; running: RunningChannel }>;
  /** Messages arrived on both platforms. */
  arrived(): number;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startMix(faults: { telegram?: ChannelFaults; zalo?: ChannelFaults } = {}): Promise<RunningMix> {
  const [telegram, zalo] = await Promise.all([telegramChannel.start(faults.telegram), zaloChannel.start(faults.zalo)]);
  return {
    telegram,
    zalo,
    each: [
      { channel: telegramChannel, running: telegram },
      { channel: zaloChannel, running: zalo },
    ],
    arrived: () => telegram.arrivals().length + zalo.arrivals().length,
    env: { ...telegram.env, ...zalo.env },
    close: async () => {
      await Promise.all([telegram.close(), zalo.close()]);
    },
  };
}
