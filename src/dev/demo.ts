/**
 * `npm run demo`: nhacviec with nothing installed or configured. An embedded
 * database, a local Bot API emulator, the bot and the reminder worker play the
 * first ten weeks of seed 000 (Gio Sơn 2025) on a fast clock, and print the
 * conversation as the four people would see it in Telegram, and a fifth on
 * Zalo (a local Zalo API emulator), whose reminders carry a link per task.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "@grammyjs/runner";
import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { DEFAULT_TIME_ZONE } from "../domain/planning/index.js";
import { pino } from "pino";
import { createEmbeddedDatabaseClient, queryRows } from "../../db/client.js";
import { startEmbeddedDispatcher } from "../../jobs/embedded-dispatcher.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createBot } from "../bot/create-bot.js";
import { createTelegramNotifier } from "../channels/telegram/telegram-notifier.js";
import { addDays, createWorkingCalendar, isWorkingDay } from "../domain/calendar/index.js";
import { interpretDocument } from "../import/interpret/interpret-document.js";
import { readDocument } from "../import/read-document.js";
import { importPlan } from "../services/import-plan.js";
import { OPERATOR } from "../services/access.js";
import { createInvite } from "../services/people/invites.js";
import { syncReminders } from "../services/reminders/sync-reminders.js";
import { type EmulatedMessage, type SimulatedUser, startBotApiEmulator } from "./bot-api-emulator.js";
import { createZaloUpdateHandler } from "../bot/zalo/zalo-bot.js";
import { createTaskLinkMac } from "../channels/task-link-mac.js";
import { createZaloClient } from "../channels/zalo/zalo-client.js";
import { createZaloNotifier } from "../channels/zalo/zalo-notifier.js";
import { startZaloPolling } from "../channels/zalo/zalo-updates.js";
import { signTaskLink } from "../domain/links/index.js";
import type { ZaloChannelDeps } from "../services/delivery/deliver.js";
import { type EmulatedZaloMessage, type SimulatedZaloUser, startZaloApiEmulator } from "./zalo-api-emulator.js";

// The demo organization is created with the default zone, so its clock reads in it.
const ZONE = DEFAULT_TIME_ZONE;
const FIRST_DAY = "2025-01-02";
const LAST_DAY = "2025-03-12";
const MAX_LINES = 14;

const out = (line = "") => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const at = (day: string, time: string) => DateTime.fromISO(`${day}T${time}`, { zone: ZONE }).toJSDate();

async function main(): Promise<void> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? "silent" });
  const clock = { now: at(FIRST_DAY, "07:30") };
  const evidenceDir = mkdtempSync(join(tmpdir(), "nhacviec-demo-"));
  const database = await createEmbeddedDatabaseClient("memory", logger);
  await database.migrate();
  const { db } = database;

  const planFile = new URL("./demo-plan.txt", import.meta.url);
  const draft = interpretDocument(await readDocument("000_gio_son_2025.txt", readFileSync(planFile)), { year: 2025 });
  const summary = await importPlan(db, draft, {
    organizationSlug: "gio-son",
    fileName: "000_gio_son_2025.txt",
    fileSha256: "0".repeat(64),
  });
  await syncReminders(db, summary.organizationId, clock.now);
  out(`nhacviec demo — kế hoạch CCHC xã Gio Sơn 2025: ${summary.tasks} việc, ${summary.milestones} mốc thời hạn`);

  const emulator = await startBotApiEmulator({ ratePerSecond: 1000, perChatIntervalMs: 0 });
  const names = new Map<number, string>();
  let printedDay = "";
  const stamp = () => DateTime.fromJSDate(clock.now, { zone: ZONE });
  const dayHeader = () => {
    const day = stamp().setLocale("vi").toFormat("cccc dd/MM/yyyy");
    if (day !== printedDay) {
      printedDay = day;
      out("");
      out(`──────── ${day} ────────`);
    }
  };
  const show = (message: EmulatedMessage, kind: "sent" | "edited") => {
    if (kind === "edited" && message.buttons.flat().length === 0) return;
    dayHeader();
    const lines = message.text.split("\n");
    const shown =
      lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `… (+${lines.length - MAX_LINES} dòng)`] : lines;
    out(
      `[${stamp().toFormat("HH:mm")}] 🤖 → ${names.get(message.chatId) ?? message.chatId}${kind === "edited" ? " (sửa)" : ""}`,
    );
    for (const line of shown) out(`    ${line}`);
    const buttons = message.buttons.flat().map((b) => `[${b.text}]`);
    if (buttons.length > 0) out(`    ${buttons.slice(0, 6).join(" ")}${buttons.length > 6 ? " …" : ""}`);
  };
  emulator.onMessage = show;

  // One notifier and one limiter for the bot's notifications and the reminders, as in `start`.
  const notifier = createTelegramNotifier("123:DEMO", { apiRoot: emulator.apiRoot });
  const limiter = createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 });

  // Zalo beside Telegram: a second emulator, the Zalo channel with its own limiter, signed task links.
  const zaloEmulator = await startZaloApiEmulator({ ratePerSecond: 1000, maxPollSeconds: 1 });
  const zaloClient = createZaloClient(zaloEmulator.token, { apiRoot: zaloEmulator.apiRoot });
  const linkMac = createTaskLinkMac("demo-task-link-secret-not-for-production-use");
  const publicUrl = "http://localhost:8080";
  const zalo: ZaloChannelDeps = {
    notifier: createZaloNotifier(zaloClient),
    limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }),
    publicUrl,
    taskLink: (personId, milestoneId) =>
      `${publicUrl}/t/${signTaskLink(
        { personId, milestoneId, expiresAt: new Date(clock.now.getTime() + 14 * 86_400_000) },
        linkMac,
      )}`,
  };
  const zaloNames = new Map<string, string>();
  zaloEmulator.onMessage = (message: EmulatedZaloMessage) => {
    dayHeader();
    const lines = message.text.split("\n");
    const shown =
      lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `… (+${lines.length - MAX_LINES} dòng)`] : lines;
    out(`[${stamp().toFormat("HH:mm")}] 🤖 Zalo → ${zaloNames.get(message.chatId) ?? message.chatId}`);
    for (const line of shown) out(`    ${line}`);
  };
  const bot = createBot({
    db,
    logger,
    token: "123:DEMO",
    apiRoot: emulator.apiRoot,
    evidenceDir,
    now: () => clock.now,
    botUsername: "nhacviec_bot",
    zalo,
    zaloBotName: "Nhắc việc CCHC Gio Sơn",
  });
  const runner = run(bot, { runner: { fetch: { timeout: 1 } } });
  const dispatcher = startEmbeddedDispatcher({
    db,
    notifier,
    limiter,
    zalo,
    logger,
    now: () => clock.now,
    intervalMs: 30,
  });
  const zaloPolling = startZaloPolling({
    client: zaloClient,
    onUpdate: createZaloUpdateHandler({ db, logger, now: () => clock.now, zalo }).once,
    logger,
    timeoutSeconds: 1,
    backoffMs: 50,
  });
  /** A person types to the Zalo bot, and the demo waits for its answer. */
  const typeOnZalo = async (user: SimulatedZaloUser, text: string, until: (m: EmulatedZaloMessage) => boolean) => {
    dayHeader();
    out(`[${stamp().toFormat("HH:mm")}] 👤 ${zaloNames.get(user.id)}: ${text}`);
    const before = user.inbox().length;
    user.send(text);
    return user.waitForMessage(until, { after: before });
  };

  const says = (user: SimulatedUser, text: string) => {
    dayHeader();
    out(`[${stamp().toFormat("HH:mm")}] 👤 ${names.get(user.id)}: ${text}`);
  };
  /** A person types, and the demo waits for the bot's answer. */
  const type = async (user: SimulatedUser, text: string, until: (m: EmulatedMessage) => boolean = () => true) => {
    says(user, text);
    const before = user.inbox().length;
    user.send(text);
    return user.waitForMessage(until, { after: before });
  };
  const press = async (
    user: SimulatedUser,
    message: EmulatedMessage,
    label: string,
    until: (m: EmulatedMessage) => boolean,
  ) => {
    says(
      user,
      `bấm “${message.buttons.flat().find((b) => b.text.includes(label) || b.callback_data === label)?.text ?? label}”`,
    );
    const before = user.inbox().length;
    user.press(message, label);
    return user.waitForMessage(until, { after: before });
  };

  const joinByInvite = async (
    id: number,
    name: string,
    label: string,
    role: "chairman" | "coordinator" | "member",
    unit?: string,
  ) => {
    names.set(id, `${name} (${label})`);
    const invite = await createInvite(db, OPERATOR, {
      organizationId: summary.organizationId,
      role,
      unitName: unit ?? null,
      fullName: name,
      now: clock.now,
    });
    if (invite.kind !== "created") throw new Error(`demo invite refused: ${invite.kind}`);
    const user = emulator.user(id, { firstName: name });
    await type(user, `/start ${invite.code}`, (m) => m.text.includes("đã được kết nối"));
    return user;
  };
  out("");
  out("Văn phòng gửi link mời; bốn người bấm vào link:");
  const chairman = await joinByInvite(1, "Lê Văn Hùng", "Chủ tịch UBND", "chairman");
  const coordinator = await joinByInvite(2, "Nguyễn Thị Lan", "Văn phòng – Thống kê", "coordinator");
  const nam = await joinByInvite(3, "Trần Văn Nam", "công chức VP–TK", "member", "Văn phòng – Thống kê");
  await joinByInvite(4, "Phạm Thị Hoa", "công chức Tư pháp", "member", "Tư pháp – Hộ tịch");
  out("");
  out("Người thứ năm dùng Zalo: mở Zalo Bot của xã và gửi mã mời:");
  const maiInvite = await createInvite(db, OPERATOR, {
    organizationId: summary.organizationId,
    role: "member",
    unitName: "Tư pháp – Hộ tịch",
    fullName: "Võ Thị Mai",
    now: clock.now,
  });
  if (maiInvite.kind !== "created") throw new Error(`demo invite refused: ${maiInvite.kind}`);
  const mai = zaloEmulator.user("e4ea2cd5189df1c3a88c", { displayName: "Võ Thị Mai" });
  zaloNames.set(mai.id, "Võ Thị Mai (công chức Tư pháp, Zalo)");
  await typeOnZalo(mai, maiInvite.code, (m) => m.text.includes("đã được kết nối"));

  /** Waits until everything due at the current time has gone out, the weekly sends (digest, chart) included. */
  const settle = async () => {
    await dispatcher.pass();
    for (;;) {
      const [left] = await queryRows<{ n: number }>(
        db,
        sql`select (select count(*) from reminders where state in ('planned', 'sending')
                      and fire_at <= ${clock.now.toISOString()}::timestamptz)
                 + (select count(*) from reminder_deliveries where state in ('pending', 'sending'))
                 + (select count(*) from domain_events where handled_at is null) as n`,
      );
      if (Number(left?.n) === 0) break;
      await sleep(30);
    }
    await sleep(120);
  };

  const calendar = createWorkingCalendar();
  for (let day = FIRST_DAY; day <= LAST_DAY; day = addDays(day, 1)) {
    if (!isWorkingDay(calendar, day)) continue;
    clock.now = at(day, "08:00");
    await settle();
    clock.now = at(day, "08:40");
    if (day === FIRST_DAY) {
      await type(nam, "/viec", (m) => m.text.startsWith("📋"));
      await typeOnZalo(mai, "việc", (m) => m.text.startsWith("📋") || m.text.startsWith("🎉"));
    }
    if (day === "2025-01-21") {
      const list = await type(nam, "/viec", (m) => m.text.startsWith("📋"));
      // Nam hands in the yearly assessment (I.5) early; III.1 is left to run late.
      const number = /(\d+)\. I\.5 /.exec(list.text)?.[1] ?? "1";
      const reply = await press(nam, list, `✅ ${number}.`, (m) => m.text.includes("minh chứng"));
      if (reply.text.includes("Hãy gửi tệp")) {
        says(nam, "gửi tệp “BC-danh-gia-CCHC-2024.pdf”");
        const before = nam.inbox().length;
        nam.sendDocument(
          "BC-danh-gia-CCHC-2024.pdf",
          Buffer.from("%PDF-1.4 Báo cáo đánh giá CCHC xã Gio Sơn"),
          "application/pdf",
        );
        await nam.waitForMessage((m) => m.text.includes("Đã ghi nhận hoàn thành"), { after: before });
      }
      const request = await coordinator.waitForMessage((m) => m.text.includes("báo hoàn thành"));
      clock.now = at(day, "09:15");
      await press(coordinator, request, "Duyệt", (m) => m.text.includes("Đã duyệt"));
      await nam.waitForMessage((m) => m.text.includes("đã được duyệt"));
    }
    if (day === "2025-03-12") {
      clock.now = at(day, "10:00");
      await type(chairman, "/quahan", (m) => m.text.startsWith("⏰") || m.text.startsWith("👍"));
    }
    await sleep(50);
  }

  await runner.stop();
  await zaloPolling.stop();
  await dispatcher.close();
  const [counts] = await queryRows<{ messages: number; events: number; evidence: number }>(
    db,
    sql`select (select count(*)::int from reminder_deliveries where state = 'sent') as messages,
               (select count(*)::int from milestone_events where action <> 'imported') as events,
               (select count(*)::int from evidence_files) as evidence`,
  );
  out("");
  out(
    `Hết demo: ${emulator.messages.length} tin nhắn của bot trên Telegram, ${zaloEmulator.messages.length} trên Zalo, ` +
      `${counts?.messages ?? 0} lượt nhắc việc đã giao, ` +
      `${counts?.events ?? 0} thao tác ghi vào nhật ký, ${counts?.evidence ?? 0} tệp minh chứng.`,
  );
  await emulator.close();
  await zaloEmulator.close();
  await database.close();
  rmSync(evidenceDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
