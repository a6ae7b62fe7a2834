/**
 * The demo's story: the first ten weeks of seed 000 (Gio Sơn 2025) on a fast clock. Four people join on
 * Telegram and a fifth on Zalo, the reminders and the weekly digests go out each working morning, Nam hands in
 * a task with its evidence and the office approves it, and the chairman asks what is late at the end.
 * `runDemo` writes the chats; two runs write the same text (test/cli/demo.test.ts).
 */
import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { queryRows } from "../../db/client.js";
import { addDays, createWorkingCalendar, isWorkingDay } from "../domain/calendar/index.js";
import { DEFAULT_TIME_ZONE } from "../domain/planning/index.js";
import { OPERATOR } from "../services/access.js";
import { createInvite } from "../services/people/invites.js";
import type { EmulatedMessage, SimulatedUser } from "./bot-api-emulator.js";
import { createTranscript, type DemoClock, type Transcript } from "./demo-transcript.js";
import { type DemoWorld, startDemoWorld } from "./demo-world.js";
import type { EmulatedZaloMessage, SimulatedZaloUser } from "./zalo-api-emulator.js";

// The demo organization is created with the default zone, so its clock reads in it.
const ZONE = DEFAULT_TIME_ZONE;
const FIRST_DAY = "2025-01-02";
const LAST_DAY = "2025-03-12";
/** Mai's Zalo id: the fifth person of the story. */
const MAI = "e4ea2cd5189df1c3a88c";

const at = (day: string, time: string) => DateTime.fromISO(`${day}T${time}`, { zone: ZONE }).toJSDate();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What people do in the chats: each action is printed, then the demo waits for the bot's answer. */
function peopleOf(world: DemoWorld, transcript: Transcript, clock: DemoClock) {
  const nameOf = (id: number | string) => world.names.get(id) ?? { name: String(id), order: 0 };
  /** Waits for the answer, then prints it (the acting person's chat first). */
  const answered = async <T>(id: number | string, waiting: Promise<T>) => {
    const answer = await waiting;
    transcript.flush(nameOf(id).order);
    return answer;
  };
  const type = (user: SimulatedUser, text: string, until: (m: EmulatedMessage) => boolean, shown = text) => {
    transcript.says(nameOf(user.id).name, shown);
    const before = user.inbox().length;
    user.send(text);
    return answered(user.id, user.waitForMessage(until, { after: before }));
  };
  const press = (
    user: SimulatedUser,
    message: EmulatedMessage,
    label: string,
    until: (m: EmulatedMessage) => boolean,
  ) => {
    const button = message.buttons.flat().find((b) => b.text.includes(label) || b.callback_data === label);
    transcript.says(nameOf(user.id).name, `bấm “${button?.text ?? label}”`);
    const before = user.inbox().length;
    user.press(message, label);
    return answered(user.id, user.waitForMessage(until, { after: before }));
  };
  const sendFile = (user: SimulatedUser, fileName: string, until: (m: EmulatedMessage) => boolean) => {
    transcript.says(nameOf(user.id).name, `gửi tệp “${fileName}”`);
    const before = user.inbox().length;
    user.sendDocument(fileName, Buffer.from("%PDF-1.4 Báo cáo đánh giá CCHC xã Gio Sơn"), "application/pdf");
    return answered(user.id, user.waitForMessage(until, { after: before }));
  };
  const typeOnZalo = (
    user: SimulatedZaloUser,
    text: string,
    until: (m: EmulatedZaloMessage) => boolean,
    shown = text,
  ) => {
    transcript.says(nameOf(user.id).name, shown);
    const before = user.inbox().length;
    user.send(text);
    return answered(user.id, user.waitForMessage(until, { after: before }));
  };
  /** A person opens their invite: an invite code is random in every run, so the transcript shows a placeholder. */
  const invite = async (name: string, role: "chairman" | "coordinator" | "member", unit?: string) => {
    const created = await createInvite(world.db, OPERATOR, {
      organizationId: world.summary.organizationId,
      role,
      unitName: unit ?? null,
      fullName: name,
      now: clock.now,
    });
    if (created.kind !== "created") throw new Error(`demo invite refused: ${created.kind}`);
    return created.code;
  };
  const joinOnTelegram = async (
    id: number,
    name: string,
    label: string,
    role: "chairman" | "coordinator" | "member",
    unit?: string,
  ) => {
    world.names.set(id, { name: `${name} (${label})`, order: id });
    const code = await invite(name, role, unit);
    const user = world.telegram.user(id, { firstName: name });
    await type(user, `/start ${code}`, (m) => m.text.includes("đã được kết nối"), "/start ‹mã mời›");
    return user;
  };
  const joinOnZalo = async (name: string, label: string, unit: string) => {
    world.names.set(MAI, { name: `${name} (${label})`, order: world.names.size + 1 });
    const code = await invite(name, "member", unit);
    const user = world.zalo.user(MAI, { displayName: name });
    await typeOnZalo(user, code, (m) => m.text.includes("đã được kết nối"), "‹mã mời›");
    return user;
  };
  return { type, press, sendFile, typeOnZalo, joinOnTelegram, joinOnZalo };
}

/**
 * Waits until everything due at the clock's time has gone out: whole dispatcher passes (weekly sends, reminders,
 * notices of events) until nothing due is left, then prints what was sent. The clock moves only after it.
 */
async function settle(world: DemoWorld, transcript: Transcript, clock: DemoClock): Promise<void> {
  for (;;) {
    await world.dispatcher.pass();
    const [left] = await queryRows<{ n: number }>(
      world.db,
      sql`select (select count(*) from reminders where state in ('planned', 'sending')
                    and fire_at <= ${clock.now.toISOString()}::timestamptz)
               + (select count(*) from reminder_deliveries where state in ('pending', 'sending'))
               + (select count(*) from domain_events where handled_at is null) as n`,
    );
    if (Number(left?.n) === 0) break;
    await sleep(30);
  }
  transcript.flush();
}

type People = ReturnType<typeof peopleOf>;

/** The people of the story, once they joined. */
interface Cast {
  chairman: SimulatedUser;
  coordinator: SimulatedUser;
  nam: SimulatedUser;
  mai: SimulatedZaloUser;
}

/** 21/01: Nam hands in the yearly assessment (I.5) early with its evidence; the office approves it at 09:15. */
async function handInAndApprove(people: People, { nam, coordinator }: Cast, clock: DemoClock, day: string) {
  const list = await people.type(nam, "/viec", (m) => m.text.startsWith("📋"));
  // III.1 is left to run late.
  const number = /(\d+)\. I\.5 /.exec(list.text)?.[1] ?? "1";
  // A long list carries short buttons ("✅ 2"), a short one full ones ("✅ 2. Đã hoàn thành"): pressed by its payload.
  const done = list.buttons.flat().find((b) => b.text === `✅ ${number}` || b.text.startsWith(`✅ ${number}.`));
  const reply = await people.press(nam, list, done?.callback_data ?? `✅ ${number}.`, (m) =>
    m.text.includes("minh chứng"),
  );
  if (reply.text.includes("Hãy gửi tệp")) {
    await people.sendFile(nam, "BC-danh-gia-CCHC-2024.pdf", (m) => m.text.includes("Đã ghi nhận hoàn thành"));
  }
  const request = await coordinator.waitForMessage((m) => m.text.includes("báo hoàn thành"));
  clock.now = at(day, "09:15");
  await people.press(coordinator, request, "Duyệt", (m) => m.text.includes("Đã duyệt"));
  await nam.waitForMessage((m) => m.text.includes("đã được duyệt"));
}

/** What people do on the days something happens besides the morning's sends (from 08:40). */
const STORY: Record<string, (people: People, cast: Cast, clock: DemoClock, day: string) => Promise<unknown>> = {
  [FIRST_DAY]: async (people, { nam, mai }) => {
    await people.type(nam, "/viec", (m) => m.text.startsWith("📋"));
    await people.typeOnZalo(mai, "việc", (m) => m.text.startsWith("📋") || m.text.startsWith("🎉"));
  },
  "2025-01-21": handInAndApprove,
  [LAST_DAY]: async (people, { chairman }, clock, day) => {
    clock.now = at(day, "10:00");
    await people.type(chairman, "/quahan", (m) => m.text.startsWith("⏰") || m.text.startsWith("👍"));
  },
};

/** Each working day: the morning's sends at 08:00, then the day's story; the clock moves on once all is sent. */
async function playDays(world: DemoWorld, transcript: Transcript, clock: DemoClock, people: People, cast: Cast) {
  const calendar = createWorkingCalendar();
  for (let day = FIRST_DAY; day <= LAST_DAY; day = addDays(day, 1)) {
    if (!isWorkingDay(calendar, day)) continue;
    clock.now = at(day, "08:00");
    await settle(world, transcript, clock);
    const story = STORY[day];
    if (!story) continue;
    clock.now = at(day, "08:40");
    await story(people, cast, clock, day);
    // What the bot still sends about the day's actions (notices of decisions) is sent, and printed, today.
    await settle(world, transcript, clock);
  }
}

/** Plays the demo and writes the chats with `write`. */
export async function runDemo(write: (text: string) => void): Promise<void> {
  const clock: DemoClock = { now: at(FIRST_DAY, "07:30") };
  const transcript = createTranscript(clock, ZONE, write);
  const world = await startDemoWorld(clock, transcript);
  const { summary } = world;
  transcript.line(
    `nhacviec demo — kế hoạch CCHC xã Gio Sơn 2025: ${summary.tasks} việc, ${summary.milestones} mốc thời hạn`,
  );
  const people = peopleOf(world, transcript, clock);
  transcript.line("");
  transcript.line("Văn phòng gửi link mời; bốn người bấm vào link:");
  const chairman = await people.joinOnTelegram(1, "Lê Văn Hùng", "Chủ tịch UBND", "chairman");
  const coordinator = await people.joinOnTelegram(2, "Nguyễn Thị Lan", "Văn phòng – Thống kê", "coordinator");
  const nam = await people.joinOnTelegram(3, "Trần Văn Nam", "công chức VP–TK", "member", "Văn phòng – Thống kê");
  await people.joinOnTelegram(4, "Phạm Thị Hoa", "công chức Tư pháp", "member", "Tư pháp – Hộ tịch");
  transcript.line("");
  transcript.line("Người thứ năm dùng Zalo: mở Zalo Bot của xã và gửi mã mời:");
  const mai = await people.joinOnZalo("Võ Thị Mai", "công chức Tư pháp, Zalo", "Tư pháp – Hộ tịch");
  await playDays(world, transcript, clock, people, { chairman, coordinator, nam, mai });

  const [counts] = await queryRows<{ messages: number; events: number; evidence: number }>(
    world.db,
    sql`select (select count(*)::int from reminder_deliveries where state = 'sent') as messages,
               (select count(*)::int from milestone_events where action <> 'imported') as events,
               (select count(*)::int from evidence_files) as evidence`,
  );
  transcript.flush();
  transcript.line("");
  transcript.line(
    `Hết demo: ${world.telegram.messages.length} tin nhắn của bot trên Telegram, ${world.zalo.messages.length} trên Zalo, ` +
      `${counts?.messages ?? 0} lượt nhắc việc đã giao, ` +
      `${counts?.events ?? 0} thao tác ghi vào nhật ký, ${counts?.evidence ?? 0} tệp minh chứng.`,
  );
  await world.stop();
}
