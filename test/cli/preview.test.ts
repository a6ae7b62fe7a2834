import { describe, expect, it } from "vitest";
import { cliOk } from "../support/cli.js";
import type { PreviewSend } from "../../src/services/preview-sends.js";
import { readSeed, seedPath } from "../support/seeds.js";

describe("`nhacviec preview` of seed 000", () => {
  it("lists the reminders and due-day sends of the task due 'Quý III, Quý IV năm 2025'", async () => {
    const seed = readSeed("000");
    const { stdout } = await cliOk([
      "preview",
      seedPath(seed.fileName),
      "--now",
      "2025-01-02T00:00:00+07:00",
      "--json",
    ]);
    const sends = JSON.parse(stdout) as PreviewSend[];
    const task = sends.filter(
      (s) => s.section === "III" && s.stt === "5" && ["start", "reminder", "due"].includes(s.kind) && !s.to.supporting,
    );
    expect(task.map((s) => [s.kind, s.at, s.due])).toEqual([
      ["start", "2025-07-01T08:00:00+07:00", "2025-09-30"],
      ["reminder", "2025-09-10T08:00:00+07:00", "2025-09-30"],
      ["reminder", "2025-09-19T08:00:00+07:00", "2025-09-30"],
      ["reminder", "2025-09-25T08:00:00+07:00", "2025-09-30"],
      ["reminder", "2025-09-29T08:00:00+07:00", "2025-09-30"],
      ["due", "2025-09-30T08:00:00+07:00", "2025-09-30"],
      ["start", "2025-10-01T08:00:00+07:00", "2025-12-31"],
      ["reminder", "2025-12-11T08:00:00+07:00", "2025-12-31"],
      ["reminder", "2025-12-22T08:00:00+07:00", "2025-12-31"],
      ["reminder", "2025-12-26T08:00:00+07:00", "2025-12-31"],
      ["reminder", "2025-12-30T08:00:00+07:00", "2025-12-31"],
      ["due", "2025-12-31T08:00:00+07:00", "2025-12-31"],
    ]);
    expect(task.every((s) => s.to.role === "member" && s.to.unit === "Văn phòng – thống kê")).toBe(true);
    // Supporting units hear of a task at its start and at its last reminder (policy.remindSupportingUnits).
    const supporting = sends.filter((s) => s.to.supporting === true);
    expect(supporting.length).toBeGreaterThan(0);
    expect(supporting.every((s) => s.kind === "start" || s.kind === "reminder")).toBe(true);
    // Every send is at 08:00 Hanoi time on a date after --now, sorted, and the chairman gets a Monday digest.
    expect(sends.every((s) => s.at.endsWith("T08:00:00+07:00") && s.at >= "2025-01-02")).toBe(true);
    expect(sends.map((s) => s.at)).toEqual([...sends.map((s) => s.at)].sort());
    expect(sends.find((s) => s.kind === "digest")).toMatchObject({
      at: "2025-01-06T08:00:00+07:00",
      to: { role: "chairman" },
    });
    expect(sends.some((s) => s.kind === "needs-date" && s.to.role === "coordinator")).toBe(true);
  });

  it("refuses --now without an offset", async () => {
    const seed = readSeed("000");
    const failure = await cliOk(["preview", seedPath(seed.fileName), "--now", "2025-01-02"]).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/offset/);
  });
});
