/** The office's settings on the web: what they are, a form to change one, the preview to confirm. */
import type { OfficeSettings, SettingField } from "../../domain/settings/index.js";
import type { Translator } from "../../i18n/i18n.js";
import { LISTED_FIELDS, settingsLines } from "../../i18n/settings-text.js";
import { type Html, html } from "../html.js";

const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}" />`;

/** Every field the form offers: the listed ones and the three day changes. */
export const FORM_FIELDS: readonly SettingField[] = [...LISTED_FIELDS, "dayOff", "workingDay", "clearDay"];

export interface SettingsPageData {
  office: string;
  settings: OfficeSettings;
  csrfToken: string;
  flash?: { kind: "ok" | "error"; text: string };
  /** What was typed, kept after a refusal. */
  field?: SettingField;
  value?: string;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6] as const;

/** One typed form per setting: the browser's own pickers, the same text the chat's parser reads on the server. */
function fieldForm(translator: Translator, data: SettingsPageData, field: SettingField): Html {
  const { t } = translator;
  const { policy } = data.settings;
  // After a refusal, the form of that field shows what was typed (the error names the field).
  const typed = data.field === field ? data.value : undefined;
  const id = `set-${field}`;
  const numbers = (values: number[], count: number, labels?: string[]) =>
    html`<span class="parts">
      ${Array.from(
        { length: count },
        (_, i) =>
          html`<input
            type="number"
            name="part"
            min="1"
            max="60"
            inputmode="numeric"
            value="${values[i] ?? ""}"
            aria-label="${labels?.[i] ?? t("web-settings-part", { index: i + 1 })}"
            ${i === 0 ? html`id="${id}"` : null}
          />`,
      )}
    </span>`;
  const input = (): Html => {
    switch (field) {
      case "officeName":
        return html`<input
          id="${id}"
          name="value"
          maxlength="120"
          required
          value="${typed ?? data.settings.officeName ?? ""}"
        />`;
      case "sendTime":
        return html`<input id="${id}" type="time" name="value" required value="${typed ?? policy.sendTime}" />`;
      case "workingDaysBefore":
        // Room for one more than today's, up to the parser's eight.
        return numbers(policy.workingDaysBefore, Math.min(8, Math.max(4, policy.workingDaysBefore.length + 1)));
      case "overdueSteps":
        return numbers(
          [policy.overdueToUnitAfter, policy.overdueToCoordinatorsAfter, policy.overdueToChairmanAfter],
          3,
          [t("web-settings-step-unit"), t("web-settings-step-office"), t("web-settings-step-chairman")],
        );
      case "remindSupportingUnits":
        return html`<select id="${id}" name="value">
          <option value="có" ${policy.remindSupportingUnits ? html`selected` : null}>${t("web-settings-yes")}</option>
          <option value="không" ${policy.remindSupportingUnits ? null : html`selected`}>${t("web-settings-no")}</option>
        </select>`;
      case "weeklyDigestDay":
        return html`<select id="${id}" name="value">
          ${WEEKDAYS.map(
            (day) =>
              html`<option value="${day + 1}" ${policy.weeklyDigestDay === day ? html`selected` : null}>
                ${t("web-settings-weekday", { day: day + 1 })}
              </option>`,
          )}
        </select>`;
      case "weeklyDigestTo": {
        const to = new Set(policy.weeklyDigestTo);
        const current =
          to.has("chairman") && to.has("coordinators") ? "both" : to.has("chairman") ? "chairman" : "office";
        // The values are the words the chat's parser reads.
        const words = { chairman: "chủ tịch", office: "văn phòng", both: "cả hai" } as const;
        return html`<select id="${id}" name="value">
          ${(["chairman", "office", "both"] as const).map(
            (key) =>
              html`<option value="${words[key]}" ${key === current ? html`selected` : null}>
                ${t("web-settings-digest-to", { to: key })}
              </option>`,
          )}
        </select>`;
      }
      default:
        return html`<input
          id="${id}"
          type="date"
          name="value"
          required
          min="2000-01-01"
          max="2100-12-31"
          value="${typed ?? ""}"
        />`;
    }
  };
  return html`<form class="setting" method="post" action="/settings/preview">
    ${csrfField(data.csrfToken)}<input type="hidden" name="field" value="${field}" />
    <label for="${id}">${t(`settings-field-${field}`)}</label>
    <div class="setting-row">
      ${input()}<button type="submit" class="secondary">${t("web-settings-preview-button")}</button>
    </div>
  </form>`;
}

export function settingsPage(translator: Translator, data: SettingsPageData): Html {
  const { t } = translator;
  return html`<h1>${t("settings-title", { office: data.office })}</h1>
    ${
      data.flash
        ? html`<p class="flash ${data.flash.kind}" role="${data.flash.kind === "error" ? "alert" : "status"}">
            ${data.flash.text}
          </p>`
        : null
    }
    <ul class="card">
      ${settingsLines(translator, data.settings).map((line) => html`<li>${line}</li>`)}
    </ul>
    <section class="card settings-forms" aria-labelledby="settings-change-h">
      <h2 id="settings-change-h">${t("web-settings-field")}</h2>
      ${FORM_FIELDS.map((field) => fieldForm(translator, data, field))}
    </section>`;
}

/** The change and its effect, with the form that applies it. */
export function settingsPreviewPage(
  t: Translator["t"],
  data: { office: string; lines: string[]; field: SettingField; value: string; csrfToken: string },
): Html {
  return html`<h1>${t("settings-title", { office: data.office })}</h1>
    <section class="card" aria-live="polite">
      ${data.lines.map((line) => html`<p>${line}</p>`)}
      <p>${t("settings-confirm-ask")}</p>
    </section>
    <form class="card stack" method="post" action="/settings/apply">
      ${csrfField(data.csrfToken)}
      <input type="hidden" name="field" value="${data.field}" />
      <input type="hidden" name="value" value="${data.value}" />
      <p>
        <button type="submit">${t("web-settings-apply-button")}</button>
        <a href="/settings">${t("web-settings-back")}</a>
      </p>
    </form>`;
}
