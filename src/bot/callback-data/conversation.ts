/** The two presses every conversation step offers: leave the step, or skip its optional answer. */
import { createCallbackData } from "../../channels/telegram/callback-data.js";

export const cancelData = createCallbackData("cancel", {});
export const skipData = createCallbackData("skip", {});
