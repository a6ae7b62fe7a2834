import { describe, expect, it } from "vitest";
import {
  buildRegister,
  parseRegisterQuery,
  type RegisterDocumentInput,
  taskStanding,
} from "../../../src/domain/planning/index.js";

const TODAY = "2026-12-16";
const notice: RegisterDocumentInput = {
  planId: "p1",
  title: "Kết luận giao ban",
  kind: "Thông báo",
  number: "25/TB-UBND",
  issuedOn: "2026-12-02",
  issuer: "UBND xã Gio Sơn",
  summary: "Kết luận giao ban tháng 11",
  tasks: [
    {
      taskId: "t1",
      title: "Thu thuế",
      leads: ["Tài chính - Kế toán"],
      supports: ["Thôn 1"],
      milestones: [{ state: "open", due: "2026-12-25", completedOn: null }],
    },
    {
      taskId: "t2",
      title: "Rà soát hồ sơ",
      leads: ["Địa chính - Xây dựng"],
      supports: [],
      milestones: [{ state: "open", due: "2026-12-15", completedOn: null }],
    },
    {
      taskId: "t3",
      title: "Phương án an ninh",
      leads: ["Công an xã"],
      supports: [],
      milestones: [{ state: "done", due: "2026-12-20", completedOn: "2026-12-10" }],
    },
  ],
};
const plan: RegisterDocumentInput = {
  planId: "p0",
  title: "Kế hoạch CCHC 2026",
  kind: "Kế hoạch",
  number: "12/KH-UBND",
  issuedOn: "2026-01-05",
  issuer: "UBND xã Gio Sơn",
  summary: null,
  tasks: [
    {
      taskId: "t9",
      title: "Tuyên truyền",
      leads: ["Văn phòng"],
      supports: [],
      milestones: [
        { state: "done", due: "2026-03-31", completedOn: "2026-03-30" },
        { state: "open", due: "2026-12-31", completedOn: null },
      ],
    },
  ],
};

describe("taskStanding", () => {
  it("is done when every live milestone is done, overdue when one is past due, else open", () => {
    expect(taskStanding([{ state: "done", due: "2026-12-01", completedOn: "2026-12-01" }], TODAY)).toBe("done");
    expect(
      taskStanding(
        [
          { state: "done", due: "2026-12-01", completedOn: "2026-12-01" },
          { state: "cancelled", due: "2026-12-02", completedOn: null },
        ],
        TODAY,
      ),
    ).toBe("done");
    expect(taskStanding([{ state: "open", due: "2026-12-15", completedOn: null }], TODAY)).toBe("overdue");
    expect(taskStanding([{ state: "open", due: null, completedOn: null }], TODAY)).toBe("open");
    expect(taskStanding([], TODAY)).toBe("open");
  });
});

describe("buildRegister", () => {
  it("names documents, newest first, with completion over all their tasks", () => {
    const register = buildRegister([plan, notice], {}, TODAY);
    expect(register.map((d) => [d.name, d.done, d.total, d.overdue])).toEqual([
      ["Thông báo số 25/TB-UBND ngày 02/12/2026 của UBND xã Gio Sơn", 1, 3, 1],
      ["Kế hoạch CCHC 2026", 0, 1, 0],
    ]);
    // A task's shown due day is the first one still to meet.
    expect(register[1]!.tasks[0]!.due).toBe("2026-12-31");
  });

  it("filters by source (id or number), unit (lead or support), standing and due, keeping the totals", () => {
    const shown = (filters: Parameters<typeof buildRegister>[1]) =>
      buildRegister([plan, notice], filters, TODAY).map((d) => [d.planId, d.tasks.map((t) => t.taskId), d.total]);
    expect(shown({ source: "25/tb-ubnd" })).toEqual([["p1", ["t1", "t2", "t3"], 3]]);
    expect(shown({ source: "p0" })).toEqual([["p0", ["t9"], 1]]);
    expect(shown({ unit: "thon 1" })).toEqual([["p1", ["t1"], 3]]);
    expect(shown({ standing: "overdue" })).toEqual([["p1", ["t2"], 3]]);
    expect(shown({ dueFrom: "2026-12-20", dueTo: "2026-12-31" })).toEqual([
      ["p1", ["t1", "t3"], 3],
      ["p0", ["t9"], 1],
    ]);
  });
});

describe("parseRegisterQuery", () => {
  it("reads a state typed with or without accents and keeps the rest as a source or unit", () => {
    expect(parseRegisterQuery("quá hạn")).toEqual({ standing: "overdue", rest: "" });
    expect(parseRegisterQuery("25/TB-UBND qua han")).toEqual({ standing: "overdue", rest: "25/TB-UBND" });
    expect(parseRegisterQuery("Công an xã đã xong")).toEqual({ standing: "done", rest: "Công an xã" });
    expect(parseRegisterQuery("chưa xong")).toEqual({ standing: "open", rest: "" });
    expect(parseRegisterQuery("Văn phòng")).toEqual({ rest: "Văn phòng" });
  });
});
