/** An office's settings and what a change does, in the locale's words: one text for the chat and the web app. */
import { DateTime } from "luxon";
import { formatVietnameseDate } from "../domain/calendar/index.js";
import {
  type OfficeSettings,
  type SettingField,
  type SettingsEffect,
  settingValue,
  weekdayName,
} from "../domain/settings/index.js";
import type { Translator } from "./i18n.js";

/** The fields shown in the settings list, in order; the three day fields are one line. */
export const LISTED_FIELDS = [
  "officeName",
  "sendTime",
  "workingDaysBefore",
  "overdueSteps",
  "remindSupportingUnits",
  "weeklyDigestDay",
  "weeklyDigestTo",
] as const satisfies readonly SettingField[];

const isDayField = (field: SettingField) => field === "dayOff" || field === "workingDay" || field === "clearDay";

/** A field's value as a person reads it. */
export function settingValueText(t: Translator["t"], field: SettingField, value: unknown, locale = "vi"): string {
  if (isDayField(field)) {
    const days = value as { extraDaysOff: string[]; extraWorkingDays: string[] };
    const list = (dates: string[]) =>
      dates.length === 0 ? t("settings-days-none") : dates.map(formatVietnameseDate).join(", ");
    return t("settings-days", { off: list(days.extraDaysOff), working: list(days.extraWorkingDays) });
  }
  switch (field) {
    case "officeName":
      return typeof value === "string" ? value : t("settings-unset");
    case "workingDaysBefore":
      return (value as number[]).join("/");
    case "overdueSteps": {
      const steps = value as { unit: number; coordinators: number; chairman: number };
      return `${steps.unit}/${steps.coordinators}/${steps.chairman}`;
    }
    case "remindSupportingUnits":
      return t(value ? "settings-yes" : "settings-no");
    case "weeklyDigestDay":
      return locale === "en"
        ? DateTime.fromObject({ weekday: value as 1 }, { locale: "en" }).toFormat("cccc")
        : weekdayName(value as number);
    case "weeklyDigestTo":
      return (value as string[])
        .map((to) => t(to === "chairman" ? "settings-to-chairman" : "settings-to-coordinators"))
        .join(", ");
    default:
      return String(value);
  }
}

/** One line per setting. */
export function settingsLines(translator: Translator, settings: OfficeSettings): string[] {
  const { t } = translator;
  const lines = LISTED_FIELDS.map((field) =>
    t("settings-line", {
      label: t(`settings-field-${field}`),
      value: settingValueText(t, field, settingValue(settings, field), translator.locale),
    }),
  );
  lines.push(
    t("settings-line", {
      label: t("settings-field-days"),
      value: settingValueText(t, "dayOff", settingValue(settings, "dayOff")),
    }),
  );
  return lines;
}

/** "Thứ Hai 07/12 07:30" in the organization's zone. */
export function sendTimeText(at: string, timeZone: string, locale: string): string {
  const local = DateTime.fromISO(at, { zone: timeZone });
  if (locale === "en") return local.setLocale("en").toFormat("cccc dd/MM HH:mm");
  return `${weekdayName(local.weekday)} ${local.toFormat("dd/MM HH:mm")}`;
}

/** The change and its effect on the coming sends, a few short lines. */
export function effectLines(
  translator: Translator,
  field: SettingField,
  effect: SettingsEffect,
  timeZone: string,
): string[] {
  const { t, locale } = translator;
  const label = t(`settings-field-${isDayField(field) ? "days" : field}`);
  const lines = [
    t("settings-change", {
      label,
      before: settingValueText(t, field, effect.before, locale),
      after: settingValueText(t, field, effect.after, locale),
    }),
  ];
  const { reminders } = effect;
  const parts: string[] = [];
  if (reminders.retimed > 0)
    parts.push(
      t("settings-effect-retimed", {
        count: reminders.retimed,
        from: reminders.fromTime ?? "",
        to: reminders.toTime ?? "",
      }),
    );
  if (reminders.added > 0) parts.push(t("settings-effect-added", { count: reminders.added }));
  if (reminders.removed > 0) parts.push(t("settings-effect-removed", { count: reminders.removed }));
  if (parts.length === 0) lines.push(t("settings-effect-none"));
  else {
    if (reminders.firstChanged)
      parts.push(t("settings-effect-first", { when: sendTimeText(reminders.firstChanged, timeZone, locale) }));
    lines.push(parts.join("; "));
  }
  const digest = effect.nextDigest;
  if (digest.before !== digest.after && digest.before && digest.after)
    lines.push(
      t("settings-effect-digest", {
        before: sendTimeText(digest.before, timeZone, locale),
        after: sendTimeText(digest.after, timeZone, locale),
      }),
    );
  return lines;
}
