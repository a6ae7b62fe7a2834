import { createCallbackData, uuid } from "../../channels/telegram/callback-data.js";

/** /nguoi: stopping a person's reminders, asked first and then confirmed. */
export const deactivateData = createCallbackData("pd", { personId: uuid });
export const deactivateConfirmedData = createCallbackData("pdy", { personId: uuid });
