/**
 * A running bot against real Postgres and the Bot API emulator, with a small
 * plan in two organizations and people who join through real invite links.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { eq } from "drizzle-orm";
import { organizations } from "../../db/schema.js";
import { type EventProcessor, startEmbeddedEventProcessor } from "../../jobs/event-processor.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { type BotDeps, createBot } from "../../src/bot/create-bot.js";
import { createTelegramNotifier } from "../../src/channels/telegram/telegram-notifier.js";
import {
  type BotApiEmulator,
  type EmulatedMessage,
  type SimulatedUser,
  startBotApiEmulator,
} from "../../src/dev/bot-api-emulator.js";
import type { Role } from "../../src/domain/milestones/index.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { operatorInvite } from "./invites.js";
import { syncReminders } from "../../src/services/reminders/sync-reminders.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "./database.js";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { type SamplePlan, toTabText } from "./plan-files.js";

export const TU_PHAP = "Tư pháp – Hộ tịch";
export const VAN_PHONG = "Văn phòng – Thống kê";

/** Four tasks around 5 March 2025: one overdue, one without a written product. */
export const chatPlan: SamplePlan = {
  heading: "Cải cách hành chính xã Thử Nghiệm năm 2025",
  sections: [
    {
      roman: "I",
      title: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
      tasks: [
        {
          stt: "1",
          title: "Xây dựng Kế hoạch tuyên truyền CCHC",
          rows: [
            { activity: "", product: "Kế hoạch tuyên truyền", lead: TU_PHAP, support: "", deadline: "Trước 31/3/2025" },
          ],
        },
        {
          stt: "2",
          title: "Cập nhật trang thông tin điện tử xã",
          rows: [
            {
              activity: "",
              product: "Trang tin được cập nhật",
              lead: TU_PHAP,
              support: "",
              deadline: "Trước 10/3/2025",
            },
          ],
        },
        {
          stt: "3",
          title: "Tổng hợp kết quả tháng 2",
          rows: [
            { activity: "", product: "Báo cáo tháng", lead: VAN_PHONG, support: "", deadline: "Trước 28/02/2025" },
          ],
        },
        {
          stt: "4",
          title: "Rà soát thủ tục hành chính",
          rows: [
            { activity: "", product: "Danh sách thủ tục", lead: VAN_PHONG, support: "", deadline: "Trước 20/3/2025" },
          ],
        },
      ],
    },
  ],
};

export interface BotWorld {
  database: TestDatabase & { client: PostgresDatabaseClient };
  emulator: BotApiEmulator;
  evidenceDir: string;
  clock: { now: Date };
  organizationId: string;
  otherOrganizationId: string;
  /** The outbox's processor (every 50 ms), as `start` runs it: notices of what people did. */
  events: EventProcessor;
  /** Stops the bot and starts a new one on the same database, as a redeploy would. */
  restartBot(): Promise<void>;
  /** A user who joined with a fresh invite for `role` (and `unit`) in the organization (or the other one). */
  join(userId: number, role: Role, unit?: string, options?: { other?: boolean; name?: string }): Promise<SimulatedUser>;
  stop(): Promise<void>;
}

async function importChatPlan(client: PostgresDatabaseClient, slug: string): Promise<string> {
  const text = toTabText(chatPlan);
  const draft = interpretDocument(await readDocument("ke-hoach.txt", Buffer.from(text)), { year: 2025 });
  const summary = await importPlan(client.db, draft, {
    organizationSlug: slug,
    fileName: "ke-hoach.txt",
    fileSha256: "0".repeat(64),
  });
  await syncReminders(client.db, summary.organizationId, new Date("2025-03-05T09:00:00+07:00"));
  return summary.organizationId;
}

/** `extraDeps`: more of the bot's dependencies (the Zalo channel), read when the bot starts. */
export async function startBotWorld(options: { extraDeps?: () => Partial<BotDeps> } = {}): Promise<BotWorld> {
  const database = await createMigratedDatabase();
  const organizationId = await importChatPlan(database.client, "thu-nghiem");
  const otherOrganizationId = await importChatPlan(database.client, "xa-khac");
  await database.client.db
    .update(organizations)
    .set({ name: "UBND xã Khác" })
    .where(eq(organizations.id, otherOrganizationId));
  const emulator = await startBotApiEmulator({ ratePerSecond: 10_000, perChatIntervalMs: 0 });
  const evidenceDir = mkdtempSync(join(tmpdir(), "nhacviec-evidence-"));
  const clock = { now: new Date("2025-03-05T09:00:00+07:00") };
  const startRunner = (): RunnerHandle =>
    run(
      createBot({
        db: database.client.db,
        logger: silentLogger,
        token: "123:TEST",
        apiRoot: emulator.apiRoot,
        evidenceDir,
        now: () => clock.now,
        botUsername: "nhacviec_bot",
        ...options.extraDeps?.(),
      }),
      { runner: { fetch: { timeout: 1 } } },
    );
  let runner = startRunner();
  const events = startEmbeddedEventProcessor({
    db: database.client.db,
    logger: silentLogger,
    now: () => clock.now,
    notifier: createTelegramNotifier("123:TEST", { apiRoot: emulator.apiRoot }),
    limiter: createMemoryRateLimiter({ perSecond: 10_000, perChatIntervalMs: 0 }),
    zalo: options.extraDeps?.().zalo,
    intervalMs: 50,
  });
  return {
    events,
    database,
    emulator,
    evidenceDir,
    clock,
    organizationId,
    otherOrganizationId,
    async restartBot() {
      await runner.stop();
      runner = startRunner();
    },
    async join(userId, role, unit, options = {}) {
      const invite = await operatorInvite(database.client.db, {
        organizationId: options.other ? otherOrganizationId : organizationId,
        role,
        unitName: unit ?? null,
        fullName: options.name ?? null,
        now: clock.now,
      });
      const user = emulator.user(userId, { firstName: options.name ?? `Người ${userId}` });
      const before = user.inbox().length;
      user.send(`/start ${invite.code}`);
      await user.waitForMessage((m) => m.text.includes("đã được kết nối"), { after: before });
      return user;
    },
    async stop() {
      if (runner.isRunning()) await runner.stop();
      await events.close();
      await emulator.close();
      await database.drop();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}

/** Sends `text` as `user` and waits for the bot's next message to them (the next one `match` accepts, when given). */
export async function ask(
  user: SimulatedUser,
  text: string,
  match?: (text: string) => boolean,
): Promise<EmulatedMessage> {
  const before = user.inbox().length;
  user.send(text);
  return user.waitForMessage((m) => (match ? match(m.text) : true), { after: before });
}
