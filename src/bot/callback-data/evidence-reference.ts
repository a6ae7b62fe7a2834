import { createCallbackData } from "../../channels/telegram/callback-data.js";

/** Saving the document reference shown back for confirmation. */
export const referenceSaveData = createCallbackData("ref-save", {});
