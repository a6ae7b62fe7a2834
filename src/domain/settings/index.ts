export {
  type DigestRecipient,
  extraDaysAfter,
  InvalidSettingError,
  isSettingField,
  type OfficeSettings,
  parseSettingInput,
  policyOverridesAfter,
  SETTING_FIELDS,
  type SettingChange,
  type SettingField,
  settingsAfter,
  settingValue,
  weekdayName,
} from "./office-settings.js";
export { type PlannedSend, previewSends, type SendsPreview, type SettingsEffect } from "./sends-preview.js";
