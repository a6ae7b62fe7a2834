import { describe, expect, it } from "vitest";
import { previewSends } from "../../../src/domain/settings/index.js";

const ZONE = "Asia/Ho_Chi_Minh";

describe("previewSends", () => {
  it("counts sends that keep their day and change their time, and the first of them", () => {
    const before = [
      { key: "a", at: "2026-12-07T08:00:00+07:00" },
      { key: "a", at: "2026-12-14T08:00:00+07:00" },
      { key: "b", at: "2026-12-07T08:00:00+07:00" },
    ];
    const after = before.map((send) => ({ ...send, at: send.at.replace("08:00", "07:30") }));
    expect(previewSends(before, after, ZONE)).toEqual({
      total: 3,
      unchanged: 0,
      retimed: 3,
      added: 0,
      removed: 0,
      fromTime: "08:00",
      toTime: "07:30",
      firstChanged: "2026-12-07T07:30:00+07:00",
    });
  });

  it("tells unchanged, added and removed sends apart, whatever the offset the instants are written in", () => {
    const before = [
      { key: "a", at: "2026-12-07T01:00:00.000Z" },
      { key: "a", at: "2026-12-10T08:00:00+07:00" },
    ];
    const after = [
      { key: "a", at: "2026-12-07T08:00:00+07:00" },
      { key: "a", at: "2026-12-11T08:00:00+07:00" },
      { key: "c", at: "2026-12-09T08:00:00+07:00" },
    ];
    expect(previewSends(before, after, ZONE)).toMatchObject({
      total: 3,
      unchanged: 1,
      retimed: 0,
      added: 2,
      removed: 1,
      fromTime: null,
      firstChanged: "2026-12-09T08:00:00+07:00",
    });
  });

  it("says nothing changes when nothing does", () => {
    const sends = [{ key: "a", at: "2026-12-07T08:00:00+07:00" }];
    expect(previewSends(sends, sends, ZONE)).toMatchObject({ unchanged: 1, retimed: 0, added: 0, removed: 0 });
    expect(previewSends([], [], ZONE).firstChanged).toBeNull();
  });
});
