import { InlineKeyboard } from "grammy";
import type { Translator } from "../../i18n/i18n.js";
import { approveData, denyData, grantData, returnData } from "../callback-data/approvals.js";
import { cancelData, skipData } from "../callback-data/conversation.js";
import { languageData } from "../callback-data/language.js";
import { doneData, evidenceData, extendData, percentData, progressData } from "../callback-data/milestone-work.js";

type T = Translator["t"];

/** The four actions on one milestone, numbered as in the list above them. */
export function addMilestoneButtons(keyboard: InlineKeyboard, t: T, milestoneId: string, index: number): void {
  keyboard
    .text(t("btn-done", { index }), doneData.pack({ milestoneId }))
    .text(t("btn-evidence"), evidenceData.pack({ milestoneId }))
    .row()
    .text(t("btn-progress"), progressData.pack({ milestoneId }))
    .text(t("btn-extend"), extendData.pack({ milestoneId }))
    .row();
}

export function progressKeyboard(t: T, milestoneId: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const percent of [10, 25, 50, 75, 90]) {
    keyboard.text(`${percent}%`, percentData.pack({ milestoneId, percent }));
  }
  return keyboard.row().text(t("btn-cancel"), cancelData.pack({}));
}

export const cancelKeyboard = (t: T) => new InlineKeyboard().text(t("btn-cancel"), cancelData.pack({}));
export const skipKeyboard = (t: T) => new InlineKeyboard().text(t("btn-skip"), skipData.pack({}));

export function completionApprovalKeyboard(t: T, requestId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("btn-approve"), approveData.pack({ requestId }))
    .text(t("btn-return"), returnData.pack({ requestId }));
}

export function extensionApprovalKeyboard(t: T, requestId: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("btn-grant"), grantData.pack({ requestId }))
    .text(t("btn-deny"), denyData.pack({ requestId }));
}

export function languageKeyboard(t: T): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("btn-language-vi"), languageData.pack({ locale: "vi" }))
    .text(t("btn-language-en"), languageData.pack({ locale: "en" }));
}
