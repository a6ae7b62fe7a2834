import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldVietnamese, parseTextCommand } from "../../../src/domain/messages/index.js";

describe("foldVietnamese", () => {
  it("folds diacritics, đ and case, in composed or decomposed form, and tidies spaces", () => {
    expect(foldVietnamese("  Việc  của TÔI ")).toBe("viec cua toi");
    expect(foldVietnamese("Đã xong")).toBe("da xong");
    expect(foldVietnamese("Quá hạn".normalize("NFD"))).toBe("qua han");
    expect(foldVietnamese("xong số 2.1!")).toBe("xong so 2.1");
  });
});

describe("parseTextCommand", () => {
  it.each([
    ["việc của tôi", "my-work"],
    ["Việc", "my-work"],
    ["viec cua toi", "my-work"],
    ["/viec", "my-work"],
    ["công việc của em", "my-work"],
    ["quá hạn", "overdue"],
    ["Qua han", "overdue"],
    ["/quahan", "overdue"],
    ["việc quá hạn", "overdue"],
    ["giúp", "help"],
    ["giup", "help"],
    ["help", "help"],
    ["/help", "help"],
    ["?", "help"],
    ["Trợ giúp", "help"],
    ["Xin chào", "help"],
    ["/start", "help"],
    ["web", "web"],
    ["Đăng nhập", "web"],
    ["/web", "web"],
  ])("reads %j as %s", (text, kind) => {
    expect(parseTextCommand(text)).toEqual({ kind });
  });

  it.each([
    ["xong 2", { kind: "position", position: 2 }],
    ["Xong số 2", { kind: "position", position: 2 }],
    ["XONG SO 2", { kind: "position", position: 2 }],
    ["xong #12", { kind: "position", position: 12 }],
    ["đã xong 3", { kind: "position", position: 3 }],
    ["hoàn thành việc 4", { kind: "position", position: 4 }],
    ["/xong 5", { kind: "position", position: 5 }],
    ["xong 2.1", { kind: "task-number", number: "2.1" }],
    ["xong II.3", { kind: "task-number", number: "II.3" }],
    ["xong ii.3.", { kind: "task-number", number: "II.3" }],
    ["Xong số 1.2.4", { kind: "task-number", number: "1.2.4" }],
  ])("reads %j as reporting a task done", (text, task) => {
    expect(parseTextCommand(text)).toEqual({ kind: "done", task });
  });

  it.each(["xong", "xong rồi", "xong 0", "xong 1000", "xong hai", "hoàn thành"])(
    "asks for the task when %j names none it can use",
    (text) => {
      expect(parseTextCommand(text)).toEqual({ kind: "done-without-task" });
    },
  );

  it("takes an invite code alone, after /start or after words, keeping its case", () => {
    const code = "Ab3_kL9-Qz0xYw7TuV1s2A";
    expect(parseTextCommand(code)).toEqual({ kind: "invite-code", code });
    expect(parseTextCommand(` ${code}\n`)).toEqual({ kind: "invite-code", code });
    expect(parseTextCommand(`/start ${code}`)).toEqual({ kind: "invite-code", code });
    expect(parseTextCommand(`Mã mời: "${code}".`)).toEqual({ kind: "invite-code", code });
  });

  it("does not take ordinary words or short tokens for an invite code", () => {
    for (const text of ["abc123", "Tôi đã nộp báo cáo hôm qua", "", "   ", "2"]) {
      expect(parseTextCommand(text)).toEqual({ kind: "unknown" });
    }
  });

  it("never throws and always gives a known kind, on any text (property)", () => {
    const kinds = new Set(["my-work", "overdue", "done", "done-without-task", "help", "invite-code", "unknown"]);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (text) => {
        expect(kinds.has(parseTextCommand(text).kind)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
