/**
 * The office's own name in the chat: seed 003's office is "Văn phòng HĐND và
 * UBND xã", and nothing it reads may call it "Văn phòng – Thống kê".
 */
import { run, type RunnerHandle } from "@grammyjs/runner";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { organizations } from "../../db/schema.js";
import { createBot } from "../../src/bot/create-bot.js";
import { type BotApiEmulator, startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";
import { operatorInvite } from "../support/invites.js";
import { readSeed } from "../support/seeds.js";

const OFFICE = "Văn phòng HĐND và UBND xã";
let database: TestDatabase & { client: PostgresDatabaseClient };
let emulator: BotApiEmulator;
let runner: RunnerHandle;
let organizationId: string;
const now = new Date("2025-07-15T09:00:00+07:00");

beforeAll(async () => {
  database = await createMigratedDatabase();
  const seed = readSeed("003");
  const draft = interpretDocument(await readDocument(seed.fileName, Buffer.from(seed.text)), { year: 2025 });
  ({ organizationId } = await importPlan(database.client.db, draft, {
    organizationSlug: "vinh-thuy",
    fileName: seed.fileName,
    fileSha256: "0".repeat(64),
  }));
  emulator = await startBotApiEmulator({ ratePerSecond: 10_000, perChatIntervalMs: 0 });
  runner = run(
    createBot({
      db: database.client.db,
      logger: silentLogger,
      token: "123:TEST",
      apiRoot: emulator.apiRoot,
      evidenceDir: "/nonexistent",
      now: () => now,
      botUsername: "nhacviec_bot",
    }),
    { runner: { fetch: { timeout: 1 } } },
  );
}, 60_000);
afterAll(async () => {
  if (runner.isRunning()) await runner.stop();
  await emulator.close();
  await database.drop();
});

describe("the office's own name", () => {
  it("is read from seed 003 at import", async () => {
    const [organization] = await database.client.db
      .select({ officeName: organizations.officeName })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    expect(organization?.officeName).toBe(OFFICE);
  });

  it("welcomes a coordinator invited without a unit in that office's name, and names it in the help", async () => {
    const invite = await operatorInvite(database.client.db, {
      organizationId,
      role: "coordinator",
      unitName: null,
      fullName: "Lê Thị Điều Phối",
      now,
    });
    const user = emulator.user(7301, { firstName: "Lê" });
    user.send(`/start ${invite.code}`);
    const welcome = await user.waitForMessage((m) => m.text.includes("đã được kết nối"));
    expect(welcome.text).toContain(`vai trò ${OFFICE} (điều phối)`);
    const before = user.inbox().length;
    user.send("/help");
    const help = await user.waitForMessage(() => true, { after: before });
    expect(help.text).toContain(`Dành cho ${OFFICE}:`);
    for (const message of user.inbox()) expect(message.text).not.toContain("Thống kê");
  });

  it("tells a member refused an office action to ask that office", async () => {
    const invite = await operatorInvite(database.client.db, {
      organizationId,
      role: "member",
      unitName: OFFICE,
      fullName: "Trần Văn Thành Viên",
      now,
    });
    const user = emulator.user(7302, { firstName: "Trần" });
    user.send(`/start ${invite.code}`);
    await user.waitForMessage((m) => m.text.includes("đã được kết nối"));
    const before = user.inbox().length;
    user.send("/moi");
    const refusal = await user.waitForMessage(() => true, { after: before });
    expect(refusal.text).toBe(`Chỉ ${OFFICE} tạo được link mời.`);
  });
});
