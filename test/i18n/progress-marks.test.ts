import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MARKS } from "../../src/i18n/progress-marks.js";
import { translatorFor } from "../../src/i18n/i18n.js";
import { milestoneLine } from "../../src/bot/views.js";
import type { MilestoneView } from "../../src/services/milestones/milestone-view.js";

type Meaning = keyof typeof MARKS;

/**
 * ✅ also says "done" of an action ("✅ Đã lưu"): the same meaning, so it is
 * not looked for in every sentence. Every other mark is.
 */
const SCANNED = Object.entries(MARKS).filter(([meaning]) => meaning !== "done") as Array<[Meaning, string]>;

/** The sentences of the locale files that carry a state's mark, and which state: `message` or `message:$variable`. */
const MARKED_SENTENCES: Record<string, Meaning> = {
  "digest-counts:$onTrack": "on-track",
  "digest-counts:$dueThisWeek": "due-this-week",
  "digest-counts:$overdue": "overdue",
  "digest-counts:$doneOnTime": "done-on-time",
  "digest-counts:$doneLate": "done-late",
  "digest-ongoing": "ongoing",
  "digest-no-date": "undated",
};

const LOCALES_DIR = "src/i18n/locales";

/** Each line of a Fluent file with the message it belongs to (continuation lines are indented). */
function ftlLines(file: string): Array<{ message: string; line: string }> {
  let message = "";
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line) => {
      const id = /^([a-z][\w-]*)\s*=/.exec(line)?.[1];
      if (id) message = id;
      return { message, line };
    });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

describe("progress marks", () => {
  it("give each state its own emoji", () => {
    const emoji = Object.values(MARKS);
    expect(new Set(emoji).size).toBe(emoji.length);
  });

  for (const file of readdirSync(LOCALES_DIR).filter((f) => f.endsWith(".ftl"))) {
    it(`are used in ${file} only with the meaning the table gives them`, () => {
      const found = new Set<string>();
      for (const { message, line } of ftlLines(join(LOCALES_DIR, file))) {
        const marks = SCANNED.filter(([, emoji]) => line.includes(emoji));
        if (marks.length === 0) continue;
        expect(marks, `${file}: one mark per line: ${line}`).toHaveLength(1);
        const variable = /\{ (\$\w+) \}/.exec(line)?.[1];
        const key = message === "digest-counts" ? `${message}:${variable}` : message;
        const meaning = MARKED_SENTENCES[key];
        expect(meaning, `${file}: ${marks[0]![1]} in "${key}" has no declared meaning`).toBeDefined();
        expect(marks[0]![1], `${file}: "${key}" must use the mark of ${meaning}`).toBe(MARKS[meaning!]);
        found.add(key);
      }
      // Every declared sentence is there: the check above ran on each.
      expect([...found].sort()).toEqual(Object.keys(MARKED_SENTENCES).sort());
    });
  }

  it("are written nowhere in the code but their table", () => {
    const offenders = sourceFiles("src")
      .filter((path) => !path.endsWith(join("i18n", "progress-marks.ts")))
      .filter((path) => SCANNED.some(([, emoji]) => readFileSync(path, "utf8").includes(emoji)));
    expect(offenders).toEqual([]);
  });

  it("mark a task in a list as the digest counts it: due this week is 🟡, not the 🔵 of work on track", () => {
    const { t } = translatorFor("vi");
    const view = (due: string, state: MilestoneView["state"] = "open") =>
      ({
        id: "m",
        title: "Việc",
        label: null,
        section: "I",
        stt: "1",
        due,
        state,
        completedOn: state === "submitted" ? "2025-10-01" : null,
        leadUnitNames: [],
      }) as unknown as MilestoneView;
    const today = "2025-10-06"; // a Monday
    expect(milestoneLine(t, view("2025-10-09"), 1, today, false).startsWith(`${MARKS["due-this-week"]} `)).toBe(true);
    expect(milestoneLine(t, view("2025-10-20"), 1, today, false).startsWith(`${MARKS["on-track"]} `)).toBe(true);
    expect(milestoneLine(t, view("2025-10-01"), 1, today, false).startsWith(`${MARKS.overdue} `)).toBe(true);
    expect(milestoneLine(t, view("2025-10-09", "submitted"), 1, today, false).startsWith(`${MARKS["on-track"]} `)).toBe(
      true,
    );
  });
});
