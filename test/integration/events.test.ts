/**
 * Every event is told the same way whichever front end made it: the same
 * people hear the same words (the locale file's) on each of their channels,
 * once. Telegram chat, Zalo and the web app here share one database and one
 * outbox processor, as `start` runs them.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approvalRequests, milestones, personChannels, planImports, plans, tasks, units } from "../../db/schema.js";
import type { SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import type { SimulatedZaloUser } from "../../src/dev/zalo-api-emulator.js";
import { translatorFor } from "../../src/i18n/i18n.js";
import { createInvite } from "../../src/services/people/invites.js";
import { findViewer, findViewerById } from "../../src/services/people/viewer.js";
import { createSignInLink } from "../../src/services/web/sessions.js";
import { TU_PHAP, VAN_PHONG } from "../support/bot-world.js";
import { type SamplePlan, toTabText } from "../support/plan-files.js";
import { PUBLIC_URL, startZaloWorld, type ZaloWorld } from "../support/zalo-world.js";

const { t } = translatorFor("vi");
const WEBSITE = "Cập nhật trang thông tin điện tử xã";
const REVIEW = "Rà soát thủ tục hành chính";
const WRITTEN = "Xây dựng Kế hoạch tuyên truyền CCHC";
let world: ZaloWorld;
let coordinator: SimulatedUser;
let coordinatorOnZalo: SimulatedZaloUser;
let chairman: SimulatedUser;
let member: SimulatedUser;
let memberOnZalo: SimulatedZaloUser;
let zaloOnly: SimulatedZaloUser;

/** Gives a Telegram person a Zalo chat too, as `/zalo` would. */
async function linkZalo(telegramUserId: number, chatId: string): Promise<SimulatedZaloUser> {
  // Zalo delivers only to a chat that wrote to the bot first.
  const user = world.zalo.user(chatId);
  user.send("giúp");
  await user.waitForMessage();
  const viewer = await findViewer(world.database.client.db, telegramUserId);
  await world.database.client.db
    .insert(personChannels)
    .values({ organizationId: world.organizationId, personId: viewer!.personId, channel: "zalo", chatId });
  return user;
}

beforeAll(async () => {
  world = await startZaloWorld();
  coordinator = await world.join(801, "coordinator", undefined, { name: "Nguyễn Điều Phối" });
  coordinatorOnZalo = await linkZalo(801, "e0000000000000000001");
  chairman = await world.join(802, "chairman", undefined, { name: "Chủ Tịch Xã" });
  member = await world.join(803, "member", TU_PHAP, { name: "Trần Văn Tư" });
  memberOnZalo = await linkZalo(803, "e0000000000000000003");
  zaloOnly = await world.joinZalo("e0000000000000000004", "member", VAN_PHONG, "Lê Thị Zalo");
  // A task whose product is no document, so "xong" on Zalo goes straight to approval.
  await world.database.client.db.update(tasks).set({ product: null }).where(eq(tasks.title, REVIEW));
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

/** The button of the task `title` in a /viec list: "✅ 2. Đã hoàn thành" or the "⏳" row under it. */
async function pressForTask(user: SimulatedUser, title: string, mark: "✅" | "⏳") {
  const before = user.inbox().length;
  user.send("/viec");
  const list = await user.waitForMessage((m) => m.text.startsWith("📋"), { after: before });
  const line = list.text.split("\n").find((l) => l.includes(title)) as string;
  const position = Number(/ (\d+)\. /.exec(line)?.[1]);
  const rows = list.buttons.filter((row) => row.length > 0);
  // Each task has two rows: "✅ n. Đã hoàn thành" + evidence, then progress + "⏳ Xin gia hạn".
  const row = rows[(position - 1) * 2 + (mark === "✅" ? 0 : 1)] as Array<{ text: string }>;
  user.press(list, row.find((b) => b.text.startsWith(mark))!.text);
  return user.inbox().length;
}

interface Inbox {
  inbox(): Array<{ text: string }>;
}

/** Marks where each inbox stands, and later reads what arrived after it. */
function mark(...boxes: Inbox[]) {
  const at = boxes.map((box) => box.inbox().length);
  return (box: Inbox) => box.inbox().slice(at[boxes.indexOf(box)]);
}

/** Waits until `box` has `text` after its mark, then a few more passes, and says how often it came. */
async function timesHeard(since: (box: Inbox) => Array<{ text: string }>, box: Inbox, text: string) {
  await expect.poll(() => since(box).map((m) => m.text), { timeout: 10_000 }).toContain(text);
  await world.events.tick();
  await new Promise((resolve) => setTimeout(resolve, 300));
  return since(box).filter((m) => m.text === text).length;
}

async function pendingRequest(title: string, kind: "completion" | "extension") {
  const [row] = await world.database.client.db
    .select({ id: approvalRequests.id, milestoneId: milestones.id })
    .from(approvalRequests)
    .innerJoin(milestones, eq(milestones.id, approvalRequests.milestoneId))
    .innerJoin(tasks, eq(tasks.id, milestones.taskId))
    .where(
      and(
        eq(tasks.organizationId, world.organizationId),
        eq(tasks.title, title),
        eq(approvalRequests.kind, kind),
        eq(approvalRequests.state, "pending"),
      ),
    );
  return row!;
}

/** A coordinator's session on the web app, and a POST with its CSRF token. */
async function webAs(telegramUserId: number) {
  const viewer = await findViewer(world.database.client.db, telegramUserId);
  const token = await createSignInLink(world.database.client.db, viewer!, world.clock.now);
  const signedIn = await world.web.request("/signin", {
    method: "POST",
    body: new URLSearchParams({ token }),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const post = async (path: string, fields: Record<string, string>) => {
    // The form's page carries the session's CSRF token.
    const page = await world.web.request(path.replace(/\/(decide|lead|date)$/, ""), { headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] as string;
    return world.web.request(path, {
      method: "POST",
      body: new URLSearchParams({ ...fields, _csrf: csrf }),
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: PUBLIC_URL },
    });
  };
  /** Uploads a plan file on /import and applies its preview, as a coordinator does in the browser. */
  const importFile = async (fileName: string, text: string) => {
    const page = await world.web.request("/import", { headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] as string;
    const body = new FormData();
    body.set("_csrf", csrf);
    body.set("file", new File([text], fileName));
    const encoded = new Response(body);
    const bytes = Buffer.from(await encoded.arrayBuffer());
    const preview = await world.web.request("/import", {
      method: "POST",
      body: bytes,
      headers: {
        cookie,
        origin: PUBLIC_URL,
        "content-type": encoded.headers.get("content-type") as string,
        "content-length": String(bytes.length),
      },
    });
    const apply = /action="(\/import\/[0-9a-f]+)"/.exec(await preview.text())?.[1];
    if (!apply) throw new Error(`no preview to apply (${preview.status})`);
    const applied = await world.web.request(apply, {
      method: "POST",
      body: new URLSearchParams({ _csrf: csrf }),
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: PUBLIC_URL },
    });
    // The page that says what was stored.
    return applied.status === 200 && (await applied.text()).includes('class="flash ok"');
  };
  return Object.assign(post, { importFile });
}

describe("completion.requested, from the chat and from Zalo", () => {
  it("reaches every coordinator on Telegram (with buttons) and on Zalo in the same words, once; nobody else", async () => {
    const since = mark(coordinator, coordinatorOnZalo, chairman, member, memberOnZalo, zaloOnly);
    // In the chat: the member's "Đã hoàn thành" button under /viec.
    await pressForTask(member, WEBSITE, "✅");
    // On Zalo: "xong" and the task's number.
    zaloOnly.send("xong I.4");

    const fromChat = t("approval-completion-request", {
      person: "Trần Văn Tư",
      unit: TU_PHAP,
      number: "I.2",
      title: WEBSITE,
      due: "10/03/2025",
      submitted: "05/03/2025",
      evidence: 0,
    });
    const fromZalo = t("approval-completion-request", {
      person: "Lê Thị Zalo",
      unit: VAN_PHONG,
      number: "I.4",
      title: REVIEW,
      due: "20/03/2025",
      submitted: "05/03/2025",
      evidence: 0,
    });
    for (const text of [fromChat, fromZalo]) {
      expect(await timesHeard(since, coordinator, text)).toBe(1);
      expect(await timesHeard(since, coordinatorOnZalo, text)).toBe(1);
    }
    // Telegram carries the decision's buttons, whichever front end the request came from.
    const onTelegram = since(coordinator).filter((m) => m.text === fromZalo) as Array<{ buttons?: unknown[][] }>;
    expect(onTelegram[0]?.buttons?.flat().length).toBe(2);
    // The chairman decides extensions, not completions; the requesters hear only their own answer.
    expect(since(chairman)).toEqual([]);
    expect(since(memberOnZalo)).toEqual([]);
    expect(since(zaloOnly).map((m) => m.text)).toEqual([expect.stringContaining("Đã ghi nhận hoàn thành")]);
  });
});

describe("completion.decided, in the chat and on the web", () => {
  it("tells the requester on each of their channels in the same words, once", async () => {
    const since = mark(coordinator, coordinatorOnZalo, member, memberOnZalo, zaloOnly);
    // In the chat: "Duyệt" under the request the coordinator received.
    const request = [...coordinator.inbox()].reverse().find((m) => m.text.includes(WEBSITE) && m.buttons.length > 0);
    coordinator.press(request!, "✔️ Duyệt");
    // On the web: the milestone page's decision form.
    const post = await webAs(801);
    const onWeb = await pendingRequest(REVIEW, "completion");
    const answer = await post(`/m/${onWeb.milestoneId}/decide`, { decision: "approve", request: onWeb.id });
    expect(answer.status).toBe(303);

    const approvedInChat = t("notify-completion-approved", { title: WEBSITE });
    const approvedOnWeb = t("notify-completion-approved", { title: REVIEW });
    expect(await timesHeard(since, member, approvedInChat)).toBe(1);
    expect(await timesHeard(since, memberOnZalo, approvedInChat)).toBe(1);
    expect(await timesHeard(since, zaloOnly, approvedOnWeb)).toBe(1);
    // The coordinator who decided is answered where they pressed, and told nothing.
    expect(since(coordinatorOnZalo)).toEqual([]);
  });
});

describe("extension.requested and extension.decided", () => {
  it("asks the coordinators and the chairman, then tells the requester the web's refusal on both channels", async () => {
    const since = mark(coordinator, coordinatorOnZalo, chairman, member, memberOnZalo);
    const written = WRITTEN;
    const pressed = await pressForTask(member, written, "⏳");
    await member.waitForMessage(() => true, { after: pressed });
    const asked = member.inbox().length;
    member.send("30/4/2025");
    await member.waitForMessage(() => true, { after: asked });
    member.send("Chờ số liệu của huyện");
    const requested = t("approval-extension-request", {
      person: "Trần Văn Tư",
      unit: TU_PHAP,
      number: "I.1",
      title: written,
      due: "31/03/2025",
      date: "30/04/2025",
      reason: "Chờ số liệu của huyện",
    });
    for (const box of [coordinator, coordinatorOnZalo, chairman])
      expect(await timesHeard(since, box, requested)).toBe(1);

    const post = await webAs(802);
    const pending = await pendingRequest(written, "extension");
    expect((await post(`/m/${pending.milestoneId}/decide`, { decision: "deny", request: pending.id })).status).toBe(
      303,
    );
    const denied = t("notify-extension-denied", { title: written, due: "31/03/2025" });
    expect(await timesHeard(since, member, denied)).toBe(1);
    expect(await timesHeard(since, memberOnZalo, denied)).toBe(1);
  });
});

describe("lead.changed, on the web", () => {
  it("tells the new lead unit's people that the task is theirs and the old lead's that it is not, on every channel", async () => {
    const since = mark(coordinator, coordinatorOnZalo, member, memberOnZalo, zaloOnly);
    const db = world.database.client.db;
    const [vanPhong] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.organizationId, world.organizationId), eq(units.name, VAN_PHONG)));
    const [milestone] = await db
      .select({ id: milestones.id })
      .from(milestones)
      .innerJoin(tasks, eq(tasks.id, milestones.taskId))
      .where(and(eq(tasks.organizationId, world.organizationId), eq(tasks.title, WEBSITE)));
    const post = await webAs(801);
    expect((await post(`/m/${milestone!.id}/lead`, { unit: vanPhong!.id })).status).toBe(303);
    const gained = t("notify-lead-gained", { unit: VAN_PHONG, title: WEBSITE, due: "10/03/2025" });
    const lost = t("notify-lead-lost", { unit: VAN_PHONG, title: WEBSITE, old: TU_PHAP });
    expect(await timesHeard(since, zaloOnly, gained)).toBe(1);
    expect(await timesHeard(since, member, lost)).toBe(1);
    expect(await timesHeard(since, memberOnZalo, lost)).toBe(1);
    expect(since(coordinatorOnZalo)).toEqual([]);
  });
});

describe("person.joined, by Telegram and by Zalo", () => {
  it("tells the coordinator who invited, on Telegram and on Zalo, once per join", async () => {
    const since = mark(coordinator, coordinatorOnZalo, chairman);
    const inviter = await findViewerById(
      world.database.client.db,
      (await findViewer(world.database.client.db, 801))!.personId,
    );
    const invite = async (fullName: string) => {
      const made = await createInvite(world.database.client.db, inviter!, {
        organizationId: world.organizationId,
        role: "member",
        unitName: TU_PHAP,
        fullName,
        now: world.clock.now,
      });
      if (made.kind !== "created") throw new Error(made.kind);
      return made.code;
    };
    const onTelegram = world.emulator.user(804, { firstName: "Phan Văn Mới" });
    onTelegram.send(`/start ${await invite("Phan Văn Mới")}`);
    const onZalo = world.zalo.user("e0000000000000000005", { displayName: "Đỗ Thị Zalo" });
    onZalo.send(await invite("Đỗ Thị Zalo"));
    for (const name of ["Phan Văn Mới", "Đỗ Thị Zalo"]) {
      const joined = t("invite-joined", {
        name,
        role: t("role-name", { role: "member" }),
        unit: t("unit-suffix", { unit: TU_PHAP }),
      });
      expect(await timesHeard(since, coordinator, joined)).toBe(1);
      expect(await timesHeard(since, coordinatorOnZalo, joined)).toBe(1);
    }
    expect(since(chairman)).toEqual([]);
  });
});

/** A one-task plan led by `lead`, new to the organization. */
const onePlan = (heading: string, title: string, lead: string, deadline: string): SamplePlan => ({
  heading,
  sections: [
    {
      roman: "I",
      title: "NHIỆM VỤ",
      tasks: [{ stt: "1", title, rows: [{ activity: "", product: "Báo cáo", lead, support: "", deadline }] }],
    },
  ],
});

/** The words of a plan.applied notice for the plan holding the task `taskTitle`, from what its import recorded. */
async function planAppliedWords(taskTitle: string) {
  const [row] = await world.database.client.db
    .select({ title: plans.title, summary: planImports.summary })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(planImports, eq(planImports.planId, plans.id))
    .where(and(eq(tasks.organizationId, world.organizationId), eq(tasks.title, taskTitle)));
  const summary = row!.summary as { tasks: number; added: string[]; removed: string[]; deadlineMoved: unknown[] };
  return t("notify-plan-applied", {
    person: "Nguyễn Điều Phối",
    created: "yes",
    title: row!.title,
    tasks: summary.tasks,
    added: summary.added.length,
    removed: summary.removed.length,
    moved: summary.deadlineMoved.length,
  });
}

describe("plan.applied, in the chat and on the web", () => {
  it("tells the chairman on each of their channels in the same words, once; not the coordinator who applied it", async () => {
    const chairmanOnZalo = await linkZalo(802, "e0000000000000000002");
    const since = mark(coordinator, coordinatorOnZalo, chairman, chairmanOnZalo, member);
    // In the chat: the file sent to the bot, then "Xác nhận" under its preview.
    const inChat = "Kế hoạch tuyên truyền pháp luật năm 2025";
    const before = coordinator.inbox().length;
    coordinator.sendDocument(
      "tuyen-truyen.txt",
      Buffer.from(toTabText(onePlan(inChat, "Tuyên truyền", TU_PHAP, "Trước 30/6/2025"))),
    );
    const preview = await coordinator.waitForMessage((m) => m.text.includes("Chưa có gì được lưu"), {
      after: before,
      timeoutMs: 20_000,
    });
    coordinator.press(preview, "Xác nhận");
    await coordinator.waitForMessage((m) => m.text.startsWith("✅ Đã lưu kế hoạch"), {
      after: before,
      timeoutMs: 20_000,
    });
    // On the web: the upload and its preview's "apply".
    const onWeb = "Kế hoạch chuyển đổi số năm 2025";
    const post = await webAs(801);
    const applied = await post.importFile(
      "chuyen-doi-so.txt",
      toTabText(onePlan(onWeb, "Số hóa hồ sơ", TU_PHAP, "Trước 30/9/2025")),
    );
    expect(applied).toBe(true);

    for (const taskTitle of ["Tuyên truyền", "Số hóa hồ sơ"]) {
      const words = await planAppliedWords(taskTitle);
      expect(await timesHeard(since, chairman, words)).toBe(1);
      expect(await timesHeard(since, chairmanOnZalo, words)).toBe(1);
    }
    expect(since(coordinatorOnZalo)).toEqual([]);
    expect(since(member)).toEqual([]);
  }, 60_000);
});

describe("deadline.moved, in the chat and on the web", () => {
  it("tells the lead unit's other people on each channel in the same words, once; the requester hears only the grant", async () => {
    const colleague = await world.join(805, "member", TU_PHAP, { name: "Hồ Thị Đồng" });
    const colleagueOnZalo = await linkZalo(805, "e0000000000000000006");
    const since = mark(colleague, colleagueOnZalo, member, memberOnZalo, chairman);
    const requestExtension = async (date: string) => {
      const pressed = await pressForTask(member, WRITTEN, "⏳");
      await member.waitForMessage(() => true, { after: pressed });
      const asked = member.inbox().length;
      member.send(date);
      await member.waitForMessage(() => true, { after: asked });
      const reasoned = member.inbox().length;
      member.send("Chờ ý kiến của huyện");
      await member.waitForMessage(() => true, { after: reasoned });
    };
    // In the chat: the chairman's "Đồng ý" under the request he received.
    const heard = chairman.inbox().length;
    await requestExtension("30/4/2025");
    const request = await chairman.waitForMessage((m) => m.text.includes(WRITTEN) && m.buttons.length > 0, {
      after: heard,
    });
    chairman.press(request, t("btn-grant"));
    const moved = (from: string, to: string) =>
      t("notify-deadline-moved", { number: "I.1", title: WRITTEN, unit: TU_PHAP, from, to });
    const movedInChat = moved("31/03/2025", "30/04/2025");
    expect(await timesHeard(since, colleague, movedInChat)).toBe(1);
    expect(await timesHeard(since, colleagueOnZalo, movedInChat)).toBe(1);
    // On the web: the chairman grants the next request on the milestone's page.
    await requestExtension("15/5/2025");
    const pending = await pendingRequest(WRITTEN, "extension");
    const post = await webAs(802);
    expect((await post(`/m/${pending.milestoneId}/decide`, { decision: "grant", request: pending.id })).status).toBe(
      303,
    );
    const movedOnWeb = moved("30/04/2025", "15/05/2025");
    expect(await timesHeard(since, colleague, movedOnWeb)).toBe(1);
    expect(await timesHeard(since, colleagueOnZalo, movedOnWeb)).toBe(1);
    // The requester is told the grant, not the move as well.
    const granted = t("notify-extension-granted", { title: WRITTEN, date: "15/05/2025" });
    expect(await timesHeard(since, memberOnZalo, granted)).toBe(1);
    for (const box of [member, memberOnZalo]) expect(since(box).filter((m) => m.text.startsWith("📅"))).toEqual([]);
  }, 60_000);

  it("a unit nobody can reach: the coordinators hear its notice, saying they stand in; not the one who moved it", async () => {
    const deputy = await world.join(806, "coordinator", undefined, { name: "Phó Điều Phối" });
    const since = mark(deputy, coordinator, coordinatorOnZalo);
    // A task led by a unit nobody joined, waiting for a date, given one on the web.
    const heading = "Kế hoạch kiểm tra tài chính năm 2025";
    const post = await webAs(801);
    expect(
      await post.importFile(
        "tai-chinh.txt",
        toTabText(onePlan(heading, "Kiểm tra quỹ", "Tài chính – Kế toán", "Theo Kế hoạch")),
      ),
    ).toBe(true);
    const [milestone] = await world.database.client.db
      .select({ id: milestones.id })
      .from(milestones)
      .innerJoin(tasks, eq(tasks.id, milestones.taskId))
      .where(and(eq(tasks.organizationId, world.organizationId), eq(tasks.title, "Kiểm tra quỹ")));
    expect((await post(`/m/${milestone!.id}/date`, { text: "30/06/2025" })).status).toBe(303);
    const moved = t("notify-deadline-moved", {
      number: "I.1",
      title: "Kiểm tra quỹ",
      unit: "Tài chính – Kế toán",
      from: t("due-none"),
      to: "30/06/2025",
    });
    const standIn = `${t("notify-stand-in", { unit: "Tài chính – Kế toán" })}\n${moved}`;
    expect(await timesHeard(since, deputy, standIn)).toBe(1);
    expect(since(coordinator).filter((m) => m.text.includes("Kiểm tra quỹ"))).toEqual([]);
    expect(since(coordinatorOnZalo)).toEqual([]);
  }, 60_000);
});
