import { createCallbackData, oneOf } from "../../channels/telegram/callback-data.js";
import { LOCALES } from "../../i18n/i18n.js";

export const languageData = createCallbackData("lang", { locale: oneOf(LOCALES) });
