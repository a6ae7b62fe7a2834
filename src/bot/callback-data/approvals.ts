/** Decisions on a request: the same payloads as the buttons of the notice that asked for it. */
export { approveData, denyData, grantData, returnData } from "../../channels/telegram/callback-data.js";
