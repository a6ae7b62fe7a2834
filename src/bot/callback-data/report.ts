import { createCallbackData, matching } from "../../channels/telegram/callback-data.js";

/** /baocao: the CCHC report of a year, a quarter or a half ("2025", "2025-Q3", "2025-H1"). */
export const reportPeriodData = createCallbackData("rep", { code: matching(/^\d{4}(?:-Q[1-4]|-H[12])?$/) });
