/** /caidat: the setting to change, a choice for it, applying the previewed change. */
import { createCallbackData, oneOf } from "../../channels/telegram/callback-data.js";
import { SETTING_FIELDS } from "../../domain/settings/index.js";

/** The answers of the settings chosen by button rather than typed; parseSettingInput reads each. */
export const SETTING_CHOICES = [
  "co",
  "khong",
  "t2",
  "t3",
  "t4",
  "t5",
  "t6",
  "t7",
  "chu tich",
  "van phong",
  "ca hai",
] as const;
export type SettingChoice = (typeof SETTING_CHOICES)[number];

export const settingsFieldData = createCallbackData("sf", { field: oneOf(SETTING_FIELDS) });
export const settingsChoiceData = createCallbackData("sc", {
  field: oneOf(SETTING_FIELDS),
  choice: oneOf(SETTING_CHOICES),
});
export const settingsApplyData = createCallbackData("sa", {});
