import { describe, expect, it } from "vitest";
import { cliOk } from "../support/cli.js";
import { readDucklingCorpus } from "../support/fixtures.js";

describe("nhacviec parse-dates", () => {
  it("reads one phrase per line and prints JSON Lines against the reference's local day", async () => {
    const { stdout } = await cliOk(["parse-dates", "--ref", "2025-03-05T23:30:00+07:00"], {
      stdin:
        "15/3\nngày 15 tháng 3\nthứ 6 tuần sau\n2 tuần nữa\ncuối tháng\nquý 3\nkhông biết\n31/2\nthang sau\nthứ năm 28/3\n",
    });
    expect(
      stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      { text: "15/3", date: "2025-03-15", due: "2025-03-15", grain: "day" },
      { text: "ngày 15 tháng 3", date: "2025-03-15", due: "2025-03-15", grain: "day" },
      { text: "thứ 6 tuần sau", date: "2025-03-14", due: "2025-03-14", grain: "day" },
      { text: "2 tuần nữa", date: "2025-03-19", due: "2025-03-19", grain: "day" },
      { text: "cuối tháng", date: "2025-03-31", due: "2025-03-31", grain: "day" },
      { text: "quý 3", date: "2025-07-01", due: "2025-09-30", grain: "quarter" },
      { text: "không biết", error: "không hiểu ngày này" },
      { text: "31/2", error: "không có ngày này" },
      {
        text: "thang sau",
        error: "có thể là nhiều ngày, hãy chọn",
        choices: [
          { date: "2025-04-01", due: "2025-04-30", grain: "month" },
          { date: "2025-06-01", due: "2025-06-30", grain: "month" },
        ],
      },
      {
        text: "thứ năm 28/3",
        error: "có thể là nhiều ngày, hãy chọn",
        choices: [
          { date: "2025-03-28", due: "2025-03-28", grain: "day" },
          { date: "2025-03-27", due: "2025-03-27", grain: "day" },
        ],
        conflict: { kind: "weekday-mismatch", date: "2025-03-28", weekday: 4 },
      },
    ]);
  });

  it("reads at least 90% of Duckling's Vietnamese day-to-year items at Duckling's reference time", async () => {
    const corpus = readDucklingCorpus();
    const child = cliOk(["parse-dates", "--ref", corpus.reference], {
      stdin: `${corpus.items.map((item) => item.text).join("\n")}\n`,
    });
    const lines = (await child).stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { date?: string; grain?: string });
    const right = corpus.items.filter((item, i) => lines[i]?.date === item.value && lines[i]?.grain === item.grain);
    expect(lines).toHaveLength(corpus.items.length);
    expect(right.length / corpus.items.length).toBeGreaterThanOrEqual(0.9);
  });

  it("takes the day at the reference's own offset, and refuses a missing or bad --ref", async () => {
    const child = cliOk(["parse-dates", "--ref", "2025-03-31T20:00:00-05:00"], { stdin: "ngày mai\n" });
    expect(JSON.parse((await child).stdout)).toEqual({
      text: "ngày mai",
      date: "2025-04-01",
      due: "2025-04-01",
      grain: "day",
    });
    const failure = await cliOk(["parse-dates", "--ref", "hôm qua"]).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 2 });
  });
});
