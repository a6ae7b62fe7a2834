/**
 * /chiso: a menu press, then yes, no or skip on each suggested task
 * (`par:<verb>[:<criterion code>:<task id>]`), or the criterion picked for a self-score.
 */
import { count, createCallbackData, matching, oneOf, uuid } from "../../channels/telegram/callback-data.js";

const MENU = ["links", "score", "workbook", "bundle", "chase"] as const;
export type ParMenuVerb = (typeof MENU)[number];

export const parMenuData = createCallbackData("par", { verb: oneOf(MENU) });
const criterionCode = matching(/^[\p{L}\p{N}.]{1,19}$/u);
export const parYesData = createCallbackData("par:yes", { code: criterionCode, taskId: uuid });
export const parNoData = createCallbackData("par:no", { code: criterionCode, taskId: uuid });
export const parSkipData = createCallbackData("par:skip", { index: count(9999) });
export const parScoreData = createCallbackData("par:pick", { code: criterionCode });
