import { createCallbackData } from "../../channels/telegram/callback-data.js";

/** Applying the plan whose preview waits in the conversation. */
export const importConfirmData = createCallbackData("imp:ok", {});
