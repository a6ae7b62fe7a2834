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
    <form class="card stack" method="post" action="/settings/preview" aria-labelledby="settings-change-h">
      <h2 id="settings-change-h">${t("web-settings-field")}</h2>
      ${csrfField(data.csrfToken)}
      <label for="settings-field">${t("web-settings-field")}</label>
      <select id="settings-field" name="field">
        ${FORM_FIELDS.map((field) =>
          field === data.field
            ? html`<option value="${field}" selected>${t(`settings-field-${field}`)}</option>`
            : html`<option value="${field}">${t(`settings-field-${field}`)}</option>`,
        )}
      </select>
      <label for="settings-value">${t("web-settings-value")}</label>
      <input id="settings-value" name="value" maxlength="200" autocomplete="off" value="${data.value ?? ""}" />
      <p class="muted">
        ${FORM_FIELDS.filter((field) => !["remindSupportingUnits", "weeklyDigestDay", "weeklyDigestTo"].includes(field))
          .map((field) => t(`settings-ask-${field}`))
          .join(" · ")}
      </p>
      <p><button type="submit">${t("web-settings-preview-button")}</button></p>
    </form>`;
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
