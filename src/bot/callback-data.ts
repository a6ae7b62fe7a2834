/** The chat's button payloads: the one codec table lives with the services, whose reminders carry buttons too. */
export { type CallbackAction, decodeCallback, encodeCallback } from "../services/callback-data.js";
