import { InlineKeyboard } from "grammy";
import type { Translator } from "../../i18n/i18n.js";
import { encodeCallback } from "../callback-data.js";

type T = Translator["t"];

/** The four actions on one milestone, numbered as in the list above them. */
export function addMilestoneButtons(keyboard: InlineKeyboard, t: T, milestoneId: string, index: number): void {
  keyboard
    .text(t("btn-done", { index }), encodeCallback({ verb: "done", milestoneId }))
    .text(t("btn-evidence"), encodeCallback({ verb: "evidence", milestoneId }))
    .row()
    .text(t("btn-progress"), encodeCallback({ verb: "progress", milestoneId }))
    .text(t("btn-extend"), encodeCallback({ verb: "extend", milestoneId }))
    .row();
}

export function progressKeyboard(t: T, milestoneId: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const percent of [10, 25, 50, 75, 90]) {
    keyboard.text(`${percent}%`, encodeCallback({ verb: "pct", milestoneId, percent }));
  }
  return keyboard.row().text(t("btn-cancel"), encodeCallback({ verb: "cancel" }));
}

export const cancelKeyboard = (t: T) => new InlineKeyboard().text(t("btn-cancel"), encodeCallback({ verb: "cancel" }));
export const skipKeyboard = (t: T) => new InlineKeyboard().text(t("btn-skip"), encodeCallback({ verb: "skip" }));

export function completionApprovalKeyboard(t: T, requestId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("btn-approve"), encodeCallback({ verb: "approve", requestId }))
    .text(t("btn-return"), encodeCallback({ verb: "return", requestId }));
}

export function extensionApprovalKeyboard(t: T, requestId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("btn-grant"), encodeCallback({ verb: "grant", requestId }))
    .text(t("btn-deny"), encodeCallback({ verb: "deny", requestId }));
}

export function languageKeyboard(t: T): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("btn-language-vi"), encodeCallback({ verb: "lang", locale: "vi" }))
    .text(t("btn-language-en"), encodeCallback({ verb: "lang", locale: "en" }));
}
