import { describe, expect, it } from "vitest";
import {
  assess,
  automaticScore,
  type Criterion,
  draftExplanation,
  formatPoints,
  parseCriterionCode,
  parsePoints,
  pointsForShare,
  readScoringRule,
  readSelfScore,
  suggestTasks,
  type WorkOutcome,
} from "../../../src/domain/par/index.js";

const leaf = (code: string, name: string, maxPoints: number, scoring = "", evidence = ""): Criterion => ({
  code,
  name,
  maxPoints,
  scoring,
  evidence,
  children: [],
});

const PLAN = "Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0";

describe("criterion codes and points", () => {
  it("reads the ways provinces number criteria", () => {
    expect(parseCriterionCode("1")).toEqual({ code: "1", style: "number", parts: 1 });
    expect(parseCriterionCode("1.")).toEqual({ code: "1", style: "number", parts: 1 });
    expect(parseCriterionCode("1.2.3.")).toEqual({ code: "1.2.3", style: "dotted", parts: 3 });
    expect(parseCriterionCode("<b>II</b>")).toEqual({ code: "II", style: "roman", parts: 1 });
    expect(parseCriterionCode("a)")).toEqual({ code: "a", style: "letter", parts: 1 });
    expect(parseCriterionCode("Tiêu chí 2")).toEqual({ code: "2", style: "number", parts: 1 });
    expect(parseCriterionCode("Ghi chú")).toBeNull();
    expect(parseCriterionCode("a")).toBeNull();
  });

  it("reads points with a decimal comma and prints them back the same way", () => {
    expect(parsePoints("1,5")).toBe(1.5);
    expect(parsePoints("0.5 điểm")).toBe(0.5);
    expect(parsePoints("10đ")).toBe(10);
    expect(parsePoints("tối đa")).toBeNull();
    expect(formatPoints(1.5)).toBe("1,5");
    expect(formatPoints(2)).toBe("2");
  });
});

describe("scoring rules taken from the set's text", () => {
  it("reads share bands with their bounds", () => {
    const rule = readScoringRule(PLAN);
    expect(rule?.kind).toBe("share");
    const bands = rule?.kind === "share" ? rule.bands : [];
    expect([100, 99.9, 80, 79.99, 0].map((share) => pointsForShare(bands, share))).toEqual([1, 0.5, 0.5, 0, 0]);
  });

  it("reads on-time, late and missing points, lateness before absence", () => {
    expect(
      readScoringRule("Ban hành đúng thời hạn: 1 điểm; ban hành không đúng thời hạn: 0,5 điểm; không ban hành: 0 điểm"),
    ).toEqual({ kind: "timeliness", points: { "on-time": 1, late: 0.5, missing: 0 } });
  });

  it("gives no rule for a text without numbers the office's results decide", () => {
    expect(readScoringRule("Thẩm định theo thực tế")).toBeNull();
  });
});

describe("automatic scores of an office's year", () => {
  const completion = leaf("1.1.2", "Mức độ hoàn thành kế hoạch CCHC năm", 1, PLAN);
  const reports = leaf(
    "1.2",
    "Báo cáo CCHC định kỳ",
    1,
    "Đầy đủ, đúng thời hạn: 1 điểm; có báo cáo chậm thời hạn: 0,5 điểm; không đầy đủ số lượng báo cáo: 0 điểm",
  );
  const superior = leaf(
    "1.5",
    "Thực hiện nhiệm vụ UBND tỉnh, UBND huyện giao",
    2,
    "Hoàn thành 100% nhiệm vụ đúng hạn: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm",
  );
  const linked = (code: string, outcomes: WorkOutcome[]) => new Map([[code, outcomes]]);

  it("scores the plan's completion share by the set's bands", () => {
    const score = (done: number) => automaticScore(completion, { plan: { total: 10, done }, linked: new Map() });
    expect(score(10)).toEqual({ kind: "plan-completion", points: 1, share: 100 });
    expect(score(8)).toEqual({ kind: "plan-completion", points: 0.5, share: 80 });
    expect(score(7)).toEqual({ kind: "plan-completion", points: 0, share: 70 });
    expect(automaticScore(completion, { plan: null, linked: new Map() })).toBeNull();
  });

  it("scores reports on time, late and not done", () => {
    const score = (outcomes: WorkOutcome[]) => automaticScore(reports, { plan: null, linked: linked("1.2", outcomes) });
    expect(score(["on-time", "on-time"])?.points).toBe(1);
    expect(score(["on-time", "late"])).toEqual({ kind: "reports-on-time", points: 0.5, outcome: "late" });
    expect(score(["late", "not-done"])?.points).toBe(0);
    expect(score([])).toBeNull();
  });

  it("scores the province's tasks by the share done on time", () => {
    const outcomes: WorkOutcome[] = ["on-time", "on-time", "on-time", "on-time", "late"];
    expect(automaticScore(superior, { plan: null, linked: linked("1.5", outcomes) })).toEqual({
      kind: "superior-tasks-on-time",
      points: 1,
      share: 80,
    });
  });

  it("totals leaves into fields and the whole against the maximum, leaving the survey to the province", () => {
    const propaganda = leaf("1.3", "Công tác tuyên truyền", 2, "Thẩm định theo thực tế");
    const field: Criterion = { ...leaf("1", "Chỉ đạo điều hành", 4), children: [completion, reports, propaganda] };
    const survey: Criterion = {
      ...leaf("8", "Điều tra xã hội học", 30),
      children: [leaf("8.1", "Sự hài lòng", 30, "Điểm do UBND tỉnh xác định qua điều tra xã hội học")],
    };
    const result = assess(
      [field, survey],
      new Map([
        ["1.3", { selfScore: { points: 1.5, justification: "3 hình thức" }, evidenceCount: 2 }],
        ["1.1.2", { evidenceCount: 1 }],
      ]),
      { plan: { total: 4, done: 4 }, linked: new Map() },
    );
    expect(result.fields).toEqual([
      { code: "1", name: "Chỉ đạo điều hành", points: 2.5, maxPoints: 4 },
      { code: "8", name: "Điều tra xã hội học", points: 0, maxPoints: 30 },
    ]);
    expect(result.total).toEqual({ points: 2.5, maxPoints: 34 });
    const row = (code: string) => result.rows.find((r) => r.criterion.code === code);
    expect(row("1.1.2")).toMatchObject({ source: "automatic", points: 1, missingEvidence: false, missingScore: false });
    expect(row("1.2")).toMatchObject({ source: "none", points: null, missingEvidence: true, missingScore: true });
    expect(row("8.1")).toMatchObject({ source: "survey", missingEvidence: false, missingScore: false });
  });
});

describe("self-scores and explanations", () => {
  it("accepts a decimal comma and refuses more than the maximum", () => {
    expect(readSelfScore("1,5", 2)).toEqual({ kind: "ok", points: 1.5 });
    expect(readSelfScore(" 2 điểm", 2)).toEqual({ kind: "ok", points: 2 });
    expect(readSelfScore("1.5", 2)).toEqual({ kind: "ok", points: 1.5 });
    expect(readSelfScore("đạt 2 điểm", 2)).toEqual({ kind: "ok", points: 2 });
    expect(readSelfScore("Tự chấm: 0,75đ", 1)).toEqual({ kind: "ok", points: 0.75 });
    expect(readSelfScore("đạt 2,5 điểm", 2)).toEqual({ kind: "above-max" });
    expect(readSelfScore("2,5", 2)).toEqual({ kind: "above-max" });
    expect(readSelfScore("-1", 2)).toEqual({ kind: "negative" });
    expect(readSelfScore("hai", 2)).toEqual({ kind: "not-a-number" });
  });

  it("drafts an explanation that names the criterion, its tasks and the evidence still to come", () => {
    const text = draftExplanation(
      leaf("1.4.1", "Ban hành kế hoạch kiểm tra CCHC", 0.5, "", "Kế hoạch kiểm tra CCHC"),
      [{ title: "Kiểm tra CCHC tại các thôn", outcome: "not-done" }],
      2026,
    );
    expect(text).toBe(
      'Tiêu chí 1.4.1 "Ban hành kế hoạch kiểm tra CCHC" (tối đa 0,5 điểm): đến thời điểm tự đánh giá, đơn vị chưa có đủ tài liệu kiểm chứng. Nhiệm vụ liên quan trong năm 2026: "Kiểm tra CCHC tại các thôn" (chưa hoàn thành). Đơn vị sẽ bổ sung tài liệu kiểm chứng (Kế hoạch kiểm tra CCHC) trước khi thẩm định.',
    );
  });
});

describe("suggesting the tasks that serve a criterion", () => {
  const tasks = [
    {
      id: "t1",
      title: "Xây dựng kế hoạch tuyên truyền CCHC năm 2026",
      product: "Kế hoạch",
      sectionTitle: "Công tác chỉ đạo",
      leadUnits: ["Văn hóa - Xã hội"],
    },
    {
      id: "t2",
      title: "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa",
      product: "Hình ảnh",
      sectionTitle: "Cải cách TTHC",
      leadUnits: ["Bộ phận Một cửa"],
    },
    {
      id: "t3",
      title: "Kiểm tra công tác CCHC tại các thôn",
      product: "Biên bản",
      sectionTitle: "Công tác chỉ đạo",
      leadUnits: ["Văn phòng - Thống kê"],
    },
    {
      id: "t4",
      title: "Tổ chức Hội nghị tuyên truyền pháp luật",
      product: "Báo cáo",
      sectionTitle: "Cải cách thể chế",
      leadUnits: ["Tư pháp - Hộ tịch"],
    },
  ];

  it("ranks by shared terms, with a bonus for the product the evidence asks for", () => {
    const suggested = suggestTasks(
      { name: "Ban hành kế hoạch tuyên truyền CCHC", evidence: "Kế hoạch tuyên truyền CCHC năm" },
      tasks,
    );
    expect(suggested.map((s) => s.taskId)).toEqual(["t1"]);
    expect(suggested[0]?.shared).toEqual(expect.arrayContaining(["tuyen", "truyen", "cchc"]));
  });

  it("finds the one-stop-shop task for a publication criterion and nothing for an unrelated one", () => {
    expect(
      suggestTasks(
        { name: "Công khai đầy đủ, đúng quy định TTHC tại Bộ phận Một cửa", evidence: "Hình ảnh nơi niêm yết" },
        tasks,
      ).map((s) => s.taskId),
    ).toEqual(["t2"]);
    expect(suggestTasks({ name: "Thực hiện dự toán ngân sách được giao", evidence: "" }, tasks)).toEqual([]);
  });
});
