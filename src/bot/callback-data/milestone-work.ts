/** The buttons of one milestone: a reminder's "Đã hoàn thành" and "Gửi minh chứng" are the channel's own codecs. */
import { count, createCallbackData, uuid } from "../../channels/telegram/callback-data.js";

export { doneData, evidenceData } from "../../channels/telegram/callback-data.js";
export const progressData = createCallbackData("progress", { milestoneId: uuid });
export const extendData = createCallbackData("extend", { milestoneId: uuid });
/** A percentage chosen after "Báo cáo tiến độ". */
export const percentData = createCallbackData("pct", { milestoneId: uuid, percent: count(100) });
