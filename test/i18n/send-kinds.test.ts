import { describe, expect, it } from "vitest";
import { SEND_KINDS } from "../../src/domain/reminders/index.js";
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
});
