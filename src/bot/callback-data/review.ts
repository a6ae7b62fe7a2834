/** /rasoat: one codec per decision on an imported plan. Units are named by the first 8 hex digits of their id. */
import { count, createCallbackData, hex8, uuid } from "../../channels/telegram/callback-data.js";

export const reviewNextData = createCallbackData("rv", { index: count(9999) });
export const reviewDateData = createCallbackData("rd", { milestoneId: uuid });
export const reviewLeadData = createCallbackData("rl", { taskId: uuid, unitPrefix: hex8 });
export const reviewMergeData = createCallbackData("rm", { unitId: uuid, intoPrefix: hex8 });
export const reviewKeepData = createCallbackData("rk", { unitId: uuid });
export const reviewSeenData = createCallbackData("rw", { taskId: uuid });
export const reviewReceiptData = createCallbackData("rr", { planId: uuid });
