import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { invites, organizations } from "../../db/schema.js";
import { startBotApiEmulator } from "../../src/dev/bot-api-emulator.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { importPlan } from "../../src/services/import-plan.js";
import { markDone } from "../../src/services/milestones/milestone-actions.js";
import { listOpenMilestones } from "../../src/services/milestones/milestone-view.js";
import { inviteCodeHash, redeemInvite } from "../../src/services/people/invites.js";
import { operatorInvite } from "../support/invites.js";
import { findViewer } from "../../src/services/people/viewer.js";
import { chatPlan, TU_PHAP } from "../support/bot-world.js";
import { cliOk } from "../support/cli.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { toTabText } from "../support/plan-files.js";
import { waitFor } from "../support/reminder-world.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
let organizationId: string;

beforeAll(async () => {
  database = await createMigratedDatabase();
  const draft = interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(chatPlan))), { year: 2025 });
  ({ organizationId } = await importPlan(database.client.db, draft, {
    organizationSlug: "thu-nghiem",
    fileName: "kh.txt",
    fileSha256: "0".repeat(64),
  }));
});
afterAll(async () => {
  await database.drop();
});

const cliEnv = () => ({
  ...process.env,
  DATABASE_URL: database.url,
  LOG_LEVEL: "silent",
  TELEGRAM_BOT_USERNAME: "nhacviec_bot",
});

describe("nhacviec invite", () => {
  it("prints a one-time deep link valid 7 days, bound to the role and unit", async () => {
    const { stdout } = await cliOk(
      [
        "invite",
        "--org",
        "thu-nghiem",
        "--role",
        "member",
        "--unit",
        "tư pháp - hộ tịch",
        "--name",
        "Trần Văn Tư",
        "--json",
      ],
      { env: cliEnv() },
    );
    const printed = JSON.parse(stdout) as { code: string; link: string; expiresAt: string; unit: string; role: string };
    expect(printed.link).toBe(`https://t.me/nhacviec_bot?start=${printed.code}`);
    expect(printed).toMatchObject({ role: "member", unit: TU_PHAP });
    const [stored] = await database.client.db
      .select()
      .from(invites)
      .where(eq(invites.codeHash, inviteCodeHash(printed.code)));
    // Only the hash is kept: the plain code exists in the printed link alone.
    expect(JSON.stringify(stored)).not.toContain(printed.code);
    expect(stored).toMatchObject({ fullName: "Trần Văn Tư", usedAt: null });
    const days = (stored!.expiresAt.getTime() - stored!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);
  });

  it("creates the organization for its first coordinator with --org-name, and asks for it otherwise", async () => {
    const missing = await cliOk(["invite", "--org", "xa-moi", "--role", "coordinator"], { env: cliEnv() }).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    // A refusal, not a usage mistake: one line naming the organization, no usage printed.
    expect(missing).toMatchObject({ code: 1 });
    expect((missing as { stderr: string }).stderr).toContain('không có đơn vị (tổ chức) "xa-moi"');
    expect((missing as { stderr: string }).stderr).toContain("--org-name");
    expect((missing as { stderr: string }).stderr).not.toContain("usage: nhacviec");
    const { stdout } = await cliOk(
      ["invite", "--org", "xa-moi", "--org-name", "UBND xã Mới", "--role", "coordinator", "--json"],
      { env: cliEnv() },
    );
    expect(JSON.parse(stdout)).toMatchObject({ organization: "xa-moi", role: "coordinator", unit: null });
    const [organization] = await database.client.db
      .select()
      .from(organizations)
      .where(eq(organizations.slug, "xa-moi"));
    expect(organization!.name).toBe("UBND xã Mới");
  });

  it("names the units when the unit is unknown, and asks for a unit for members", async () => {
    const unknown = await cliOk(["invite", "--org", "thu-nghiem", "--role", "member", "--unit", "Kế toán"], {
      env: cliEnv(),
    }).catch((error: unknown) => error as { code: number; stderr: string });
    // A refusal naming the unit and the units there are: one line, exit 1, no usage.
    expect(unknown).toMatchObject({ code: 1 });
    expect((unknown as { stderr: string }).stderr).toContain('không tìm thấy bộ phận "Kế toán"');
    expect((unknown as { stderr: string }).stderr).toContain("Tư pháp – Hộ tịch");
    const noUnit = await cliOk(["invite", "--org", "thu-nghiem", "--role", "member"], { env: cliEnv() }).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect((noUnit as { stderr: string }).stderr).toContain("--unit");
  });
});

describe("nhacviec status", () => {
  it("lists every milestone with its state on the day and its event log", async () => {
    const invite = await operatorInvite(database.client.db, {
      organizationId,
      role: "member",
      unitName: TU_PHAP,
      fullName: "Trần Văn Tư",
      now: new Date("2025-03-05T02:00:00Z"),
    });
    await redeemInvite(database.client.db, {
      code: invite.code,
      telegramUserId: 4242,
      chatId: 4242,
      fullName: "Tư",
      now: new Date("2025-03-05T02:00:00Z"),
    });
    const viewer = (await findViewer(database.client.db, 4242))!;
    const [website] = (await listOpenMilestones(database.client.db, viewer, { today: "2025-03-05" })).filter(
      (m) => m.stt === "2",
    );
    await markDone(database.client.db, viewer, website!.id, { now: new Date("2025-03-06T03:00:00Z") });

    const { stdout } = await cliOk(["status", "--org", "thu-nghiem", "--json", "--today", "2025-03-07"], {
      env: cliEnv(),
    });
    const statuses = JSON.parse(stdout) as Array<{
      section: string;
      stt: string;
      title: string;
      due: string;
      state: string;
      events: Array<{ at: string; actor: string | null; action: string }>;
    }>;
    expect(statuses.map((s) => [s.section, s.stt, s.due, s.state])).toEqual([
      ["I", "1", "2025-03-31", "open"],
      ["I", "2", "2025-03-10", "submitted"],
      ["I", "3", "2025-02-28", "overdue"],
      ["I", "4", "2025-03-20", "open"],
    ]);
    expect(statuses[1]!.events.at(-1)).toMatchObject({
      at: "2025-03-06T03:00:00.000Z",
      actor: "Trần Văn Tư",
      action: "completion-submitted",
    });
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("nhacviec start", () => {
  for (const mode of ["polling", "webhook"] as const) {
    it(`runs bot and worker in one process with no database or Redis server (${mode}), and stops on SIGTERM`, async () => {
      const emulator = await startBotApiEmulator({ ratePerSecond: 1000, perChatIntervalMs: 0 });
      const directory = mkdtempSync(join(tmpdir(), "nhacviec-start-"));
      const port = await freePort();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        LOG_LEVEL: "silent",
        TELEGRAM_BOT_TOKEN: "123:TEST",
        TELEGRAM_API_ROOT: emulator.apiRoot,
        EMBEDDED_DATABASE_DIR: join(directory, "db"),
        EVIDENCE_DIR: join(directory, "evidence"),
        // Both modes serve HTTP on PORT (the web app; the webhook too in webhook mode).
        PORT: String(port),
        ...(mode === "webhook" ? { WEBHOOK_URL: `http://127.0.0.1:${port}/telegram` } : {}),
      };
      delete env.DATABASE_URL;
      delete env.REDIS_URL;
      const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "start"], { env, stdio: "ignore" });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      try {
        await waitFor(() => emulator.commands.has("vi"), 60_000, "the command menu");
        const user = emulator.user(777);
        if (mode === "polling") {
          user.send("/viec");
        } else {
          await waitFor(() => emulator.webhook !== null, 10_000, "setWebhook");
          const update = (id: number) => ({
            update_id: id,
            message: {
              message_id: id,
              date: 0,
              chat: { id: 777, type: "private" },
              from: { id: 777, is_bot: false, first_name: "A" },
              text: "/viec",
              entities: [{ type: "bot_command", offset: 0, length: 5 }],
            },
          });
          const post = (secret: string, id: number) =>
            fetch(`http://127.0.0.1:${port}/telegram`, {
              method: "POST",
              headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
              body: JSON.stringify(update(id)),
            });
          expect((await post("wrong", 1)).status).toBe(401);
          expect((await post(emulator.webhook!.secretToken!, 2)).status).toBe(200);
        }
        const reply = await user.waitForMessage(() => true, { timeoutMs: 15_000 });
        expect(reply.text).toContain("chưa được kết nối");
        // The web app answers on the same port in either mode; without a session it asks to sign in.
        const health = await fetch(`http://127.0.0.1:${port}/healthz`);
        expect(await health.text()).toBe("ok");
        expect((await fetch(`http://127.0.0.1:${port}/plan`)).status).toBe(401);
        child.kill("SIGTERM");
        expect(await exited).toBe(0);
      } finally {
        if (child.exitCode === null) child.kill("SIGKILL");
        await emulator.close();
        rmSync(directory, { recursive: true, force: true });
      }
    }, 90_000);
  }
});
