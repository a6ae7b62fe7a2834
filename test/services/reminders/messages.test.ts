import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../src/i18n/i18n.js";
import { buildDigest, type DigestMilestone } from "../../../src/domain/reminders/index.js";
import { composeReminderMessage, type ReminderLine } from "../../../src/services/reminders/compose-message.js";
import { formatDigest } from "../../../src/services/reminders/digest-message.js";

const line = (over: Partial<ReminderLine>): ReminderLine => ({
  milestoneId: "m1",
  kind: "reminder",
  section: "II",
  stt: "3",
  title: "Xây dựng Kế hoạch",
  due: "2025-09-30",
  unit: null,
  daysOverdue: null,
  forOwner: true,
  ...over,
});

describe("composeReminderMessage", () => {
  it("lists every task due to a person, soonest first, with a button row per task that person can act on", () => {
    const message = composeReminderMessage(
      [
        line({
          milestoneId: "late",
          kind: "escalation",
          due: "2025-12-31",
          unit: "Tư pháp",
          daysOverdue: 4,
          forOwner: false,
        }),
        line({ milestoneId: "soon", kind: "due", stt: "1", due: "2025-09-10" }),
      ],
      translatorFor("vi"),
    );
    expect(message.text.split("\n")).toEqual([
      "🔔 Nhắc việc: 2 việc",
      "1. Đến hạn hôm nay: II.1 Xây dựng Kế hoạch – hạn 10/09/2025",
      "2. Quá hạn, cần chỉ đạo: II.3 Xây dựng Kế hoạch [Tư pháp] – hạn 31/12/2025 (quá 4 ngày)",
    ]);
    // The escalation is the chairman's to follow up, not to finish: no "done" or "evidence" buttons for it.
    expect(message.buttons.map((row) => row.map((b) => b.action))).toEqual([
      [
        { verb: "done", milestoneId: "soon" },
        { verb: "evidence", milestoneId: "soon" },
      ],
    ]);
  });

  it("gives the unit its buttons on the weekly escalation it shares with the chairman, and the chairman none", () => {
    const escalation = { milestoneId: "late", kind: "escalation", due: "2025-09-01", daysOverdue: 30 } as const;
    const unit = composeReminderMessage([line({ ...escalation, forOwner: true })], translatorFor("vi"));
    expect(unit.buttons.flat().map((b) => b.action.verb)).toEqual(["done", "evidence"]);
    const chairman = composeReminderMessage([line({ ...escalation, forOwner: false })], translatorFor("vi"));
    expect(chairman.buttons).toEqual([]);
    // On Zalo the chairman is not told to type "xong 1" either; the unit is.
    const linkFor = (id: string) => `https://example.test/t/${id}`;
    const hint = translatorFor("vi").t("zalo-list-hint");
    expect(
      composeReminderMessage([line({ ...escalation, forOwner: false })], translatorFor("vi"), { linkFor }).text,
    ).not.toContain(hint);
    expect(
      composeReminderMessage([line({ ...escalation, forOwner: true })], translatorFor("vi"), { linkFor }).text,
    ).toContain(hint);
  });

  it("orders tasks due the same day by their place in the plan, whatever order they came in", () => {
    const lines = [
      line({ milestoneId: "c", section: "II", stt: "10" }),
      line({ milestoneId: "a", section: "I", stt: "2" }),
      line({ milestoneId: "b", section: "II", stt: "9" }),
      line({ milestoneId: "e", section: "II", stt: "9" }),
      line({ milestoneId: "d", section: "II", stt: "9" }),
    ];
    const order = (input: ReminderLine[]) => composeReminderMessage(input, translatorFor("vi")).milestoneIds;
    expect(order(lines)).toEqual(["a", "b", "d", "e", "c"]);
    expect(order([...lines].reverse())).toEqual(["a", "b", "d", "e", "c"]);
  });

  it("orders tasks numbered alike in two documents by title, not by their random ids", () => {
    const lines = [
      line({ milestoneId: "0-random", section: null, stt: "1", title: "Tổng hợp báo cáo quý" }),
      line({ milestoneId: "f-random", section: null, stt: "1", title: "Rà soát thủ tục hành chính" }),
    ];
    const order = (input: ReminderLine[]) => composeReminderMessage(input, translatorFor("vi")).milestoneIds;
    expect(order(lines)).toEqual(["f-random", "0-random"]);
    expect(order([...lines].reverse())).toEqual(["f-random", "0-random"]);
  });

  it("tells a coordinator standing in for units with nobody to receive, and names them", () => {
    const message = composeReminderMessage([line({ noRecipientIn: ["Tư pháp", "Vp UBND"] })], translatorFor("vi"));
    expect(message.text).toContain(
      "1. Sắp đến hạn: II.3 Xây dựng Kế hoạch – hạn 30/09/2025 ⚠️ Chưa có người nhận ở Tư pháp, Vp UBND, hãy mời người nhận (/moi).",
    );
  });

  it("tells a supporting unit it supports", () => {
    const message = composeReminderMessage([line({ kind: "start", supporting: true })], translatorFor("vi"));
    expect(message.text).toContain("(bộ phận bạn là đơn vị phối hợp)");
  });

  it("says a due day off is ahead and why, instead of 'today'", () => {
    const tet = { kind: "holiday" as const, name: "Tết Nguyên đán Ất Tỵ" };
    const [, early] = composeReminderMessage(
      [line({ kind: "due", due: "2025-01-28", daysUntilDue: 4, dueDayOff: tet })],
      translatorFor("vi"),
    ).text.split("\n");
    expect(early).toBe(
      "1. Đến hạn Thứ Ba 28/01/2025: II.3 Xây dựng Kế hoạch – hạn Thứ Ba 28/01/2025 (nghỉ Tết Nguyên đán Ất Tỵ)",
    );
    const [, saturday] = composeReminderMessage(
      [line({ kind: "due", due: "2025-03-01", daysUntilDue: 1, dueDayOff: { kind: "weekend" } })],
      translatorFor("vi"),
    ).text.split("\n");
    expect(saturday).toBe("1. Đến hạn ngày mai: II.3 Xây dựng Kế hoạch – hạn Thứ Bảy 01/03/2025 (nghỉ cuối tuần)");
  });

  it("speaks the person's language", () => {
    const message = composeReminderMessage([line({ kind: "start" })], translatorFor("en"));
    expect(message.text).toContain("Starts now: II.3 Xây dựng Kế hoạch – due 30/09/2025");
    expect(message.buttons[0]![0]!.text).toBe("✅ 1. Done");
  });
});

describe("formatDigest", () => {
  const m = (over: Partial<DigestMilestone>): DigestMilestone => ({
    section: "I",
    stt: "1",
    title: "Việc",
    leadUnits: ["Tư pháp"],
    due: "2025-10-01",
    state: "open",
    completedOn: null,
    ...over,
  });
  it("shows the counts and the overdue work by unit, naming tasks with no lead unit", () => {
    const digest = buildDigest(
      [m({ stt: "1", due: "2025-10-01" }), m({ stt: "2", leadUnits: [], due: "2025-10-03" }), m({ stt: "5" })],
      "2025-10-06",
    );
    const text = formatDigest(digest, translatorFor("vi"));
    expect(text).toContain("🔴 Quá hạn: 3");
    expect(text).toContain("⏰ Tư pháp (2 việc quá hạn)");
    expect(text).toContain("⏰ chưa giao đơn vị (1 việc quá hạn)");
    expect(text).toContain("  - I.1 Việc: hạn 01/10/2025, quá 5 ngày");
  });
  it("cuts a long overdue list and says how many more there are", () => {
    const many = Array.from({ length: 12 }, (_, i) => m({ stt: String(i + 1) }));
    const text = formatDigest(buildDigest(many, "2025-10-06"), translatorFor("vi"), 5);
    expect(text.match(/ {2}- I\./g)).toHaveLength(5);
    expect(text).toContain("… và 7 việc quá hạn khác (/quahan)");
  });
  it("gives ongoing duties their own line, apart from work still waiting for a date", () => {
    const text = formatDigest(
      buildDigest([m({ due: null, ongoing: true }), m({ due: null, ongoing: true }), m({ due: null })], "2025-10-06"),
      translatorFor("vi"),
    );
    expect(text).toContain("🔁 Thường xuyên: 2");
    expect(text).toContain("⚪ Chưa có thời hạn: 1");
    expect(text).toContain("🔵 Đúng tiến độ: 0");
  });
});
