import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../src/i18n/i18n.js";
import { buildDigest, type DigestMilestone } from "../../../src/domain/reminders/index.js";
import { formatDigest } from "../../../src/services/reminders/digest-message.js";

const NOTICE = "Thông báo số 25/TB-UBND ngày 02/12/2026 của UBND xã Gio Sơn";
const m = (over: Partial<DigestMilestone>): DigestMilestone => ({
  section: null,
  stt: "2",
  title: "Việc",
  leadUnits: ["Văn phòng"],
  due: "2026-12-10",
  state: "open",
  completedOn: null,
  ...over,
});
const today = "2026-12-16";

describe("the digest by source", () => {
  it("groups overdue work by the document it came from, then by unit", () => {
    const digest = buildDigest(
      [
        m({ source: NOTICE, title: "Thu thuế", leadUnits: ["Tài chính"] }),
        m({ source: NOTICE, title: "Rà soát hồ sơ", leadUnits: ["Địa chính"], due: "2026-12-15" }),
        m({ source: null, section: "I", stt: "1", title: "Tuyên truyền" }),
        m({ source: NOTICE, title: "An ninh", due: "2026-12-20" }),
      ],
      today,
    );
    expect(digest.overdueBySource.map((g) => [g.source, g.count, g.units.map((u) => u.unit)])).toEqual([
      [NOTICE, 2, ["Địa chính", "Tài chính"]],
      [null, 1, ["Văn phòng"]],
    ]);
    const text = formatDigest(digest, translatorFor("vi"));
    expect(text).toContain(`📄 Theo ${NOTICE}: 2 việc quá hạn`);
    expect(text).toContain("📄 Theo kế hoạch năm: 1 việc quá hạn");
    expect(text.indexOf("Thu thuế")).toBeLessThan(text.indexOf("kế hoạch năm"));
  });

  it("reads as before when all the work is the annual plan's", () => {
    const digest = buildDigest([m({ source: null }), m({})], today);
    expect(formatDigest(digest, translatorFor("vi"))).not.toContain("📄");
  });
});
