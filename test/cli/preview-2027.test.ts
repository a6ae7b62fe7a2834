import { describe, expect, it } from "vitest";
import { cliOk } from "../support/cli.js";
import { addDays, statutoryTetBreak } from "../../src/domain/calendar/index.js";
import type { PreviewSend } from "../../src/services/preview-sends.js";

const plan = "test/fixtures/calendar/plan-2027.csv";

function daysOf(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

describe("`nhacviec preview` of a 2027 plan (no arrangement published for 2027)", () => {
  it("sends nothing in the Tết Đinh Mùi break nor on 24/11, Ngày Văn hóa Việt Nam", async () => {
    const { stdout } = await cliOk(["preview", plan, "--now", "2026-12-01T00:00:00+07:00", "--json"]);
    const sends = JSON.parse(stdout) as PreviewSend[];
    const days = new Set(sends.map((s) => s.at.slice(0, 10)));
    const tet = statutoryTetBreak(2027);
    expect(daysOf(tet.first, tet.last)).toEqual(daysOf("2027-02-05", "2027-02-11"));
    expect(daysOf("2027-02-05", "2027-02-11").filter((day) => days.has(day))).toEqual([]);
    expect(days.has("2027-11-24")).toBe(false);
    // The task due 10/02 (inside the break) is reminded "due today" the working day before the break.
    const dueDay = sends.find((s) => s.kind === "due" && s.due === "2027-02-10");
    expect(dueDay?.at).toBe("2027-02-04T08:00:00+07:00");
    // The last reminder before 25/11 moves off 24/11 to Tuesday 23/11.
    const lastReminder = sends.filter((s) => s.kind === "reminder" && s.due === "2027-11-25").at(-1);
    expect(lastReminder?.at).toBe("2027-11-23T08:00:00+07:00");
  });

  it("says up front that the 2027 arrangement is not published and reminders follow the law", async () => {
    const { stdout } = await cliOk(["preview", plan, "--now", "2026-12-01T00:00:00+07:00"]);
    expect(stdout.split("\n")[0]).toBe(
      "📅 Lịch nghỉ Tết 2027 chưa được công bố; nhắc việc đang tính theo luật (nghỉ Tết từ 05/02/2027 đến 11/02/2027, các ngày lễ theo Bộ luật Lao động).",
    );
  });
});
