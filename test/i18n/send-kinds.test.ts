import { describe, expect, it } from "vitest";
import { MILESTONE_SEND_KINDS, SEND_KINDS } from "../../src/domain/reminders/index.js";
import { LOCALES, translatorFor } from "../../src/i18n/i18n.js";

describe("the words for send kinds", () => {
  it("each have their own words in every locale", () => {
    for (const locale of LOCALES) {
      const { t } = translatorFor(locale);
      const labels = SEND_KINDS.map((kind) => t("send-kind", { kind }));
      expect(labels.filter((label, i) => label === SEND_KINDS[i])).toEqual([]);
      expect(new Set(labels).size).toBe(SEND_KINDS.length);
    }
  });
  it("each open their own reminder line", () => {
    for (const locale of LOCALES) {
      const { t } = translatorFor(locale);
      const line = (kind: string) =>
        t("reminder-line", { index: 1, kind, number: "I.1", title: "Việc", unit: "", due: "", late: "" });
      const fallback = line("not-a-kind");
      expect(MILESTONE_SEND_KINDS.filter((kind) => line(kind) === fallback)).toEqual([]);
    }
  });
});
