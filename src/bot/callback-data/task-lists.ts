import { count, createCallbackData, oneOf } from "../../channels/telegram/callback-data.js";

/** A page of /viec or /quahan. */
export const pageData = createCallbackData("page", { list: oneOf(["open", "overdue"]), page: count(9999) });
