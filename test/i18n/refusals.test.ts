/**
 * Every refusal a service may return has words in every language, and each
 * front end's one mapping finds them: the chat, the web and the command line.
 */
import { describe, expect, it } from "vitest";
import { refusalText as chatWords } from "../../src/bot/refusals.js";
import { refusalWords as cliWords } from "../../src/cli/refusals.js";
import { LOCALES, messageIdsOf, translatorFor } from "../../src/i18n/i18n.js";
import { REFUSAL_REASONS, type RefusalReason, REFUSALS, refusedFor } from "../../src/services/access.js";
import { PDF_FAILURES } from "../../src/services/reports/pdf.js";
import { refusalStatus, refusalText as webWords } from "../../src/web/refusals.js";

const REASONS = Object.keys(REFUSAL_REASONS) as RefusalReason[];

describe("refusal words", () => {
  it("exist for every kind and every reason in every locale", () => {
    expect(REASONS.length).toBeGreaterThan(5);
    for (const locale of LOCALES) {
      const ids = new Set(messageIdsOf(locale));
      const missing = [
        ...[...REFUSALS, ...REASONS].map((code) => `refusal-${code}`),
        ...PDF_FAILURES.map((reason) => `pdf-failed-${reason}`),
      ].filter((key) => !ids.has(key));
      expect({ locale, missing }).toEqual({ locale, missing: [] });
    }
  });

  it("name what was refused, the same words in the chat, on the web and on the command line", () => {
    for (const locale of LOCALES) {
      const { t } = translatorFor(locale);
      for (const reason of REASONS) {
        const refused = refusedFor(reason, "Tổ Một");
        expect(refused.kind).toBe(REFUSAL_REASONS[reason]);
        const words = t(`refusal-${reason}`, { subject: "Tổ Một" });
        expect(chatWords(t, refused)).toBe(words);
        expect(webWords(t, refused)).toBe(words);
        expect(refusalStatus(refused)).toBe(422);
        // The reason's words win over a feature's own wording for the kind.
        expect(chatWords(t, refused, { [refused.kind]: "not-allowed" })).toBe(words);
        if (/\$subject/.test(words) || words.includes("{")) throw new Error(`${locale} refusal-${reason}: ${words}`);
      }
    }
    expect(cliWords(refusedFor("unit-unknown", "Tổ Một"))).toBe('không tìm thấy bộ phận "Tổ Một"');
    expect(cliWords("not-found")).toBe("không tìm thấy");
  });

  it("word a bare kind through each front end's own key", () => {
    const { t } = translatorFor("vi");
    for (const kind of REFUSALS) {
      expect(chatWords(t, { kind }).length).toBeGreaterThan(5);
      expect(webWords(t, { kind }).length).toBeGreaterThan(5);
      expect(cliWords(kind).length).toBeGreaterThan(5);
    }
    expect(refusalStatus({ kind: "not-found" })).toBe(404);
    expect(refusalStatus({ kind: "not-allowed" })).toBe(403);
  });
});
