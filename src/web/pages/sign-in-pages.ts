import type { Translator } from "../../i18n/i18n.js";
import { type Html, html } from "../html.js";

/** What a one-time link opens: a button, so a link preview fetching the URL does not spend it. */
export function linkSignInPage(t: Translator["t"], token: string): Html {
  return html`<div class="signin card">
    <h1>${t("web-signin-title")}</h1>
    <p>${t("web-signin-link-intro")}</p>
    <form method="post" action="/signin">
      <input type="hidden" name="token" value="${token}" /> <button type="submit">${t("web-signin-button")}</button>
    </form>
  </div>`;
}

export function messagePage(t: Translator["t"], title: string, text: string, more: Html | null = null): Html {
  return html`<div class="signin card">
    <h1>${title}</h1>
    <p>${text}</p>
    ${more}
  </div>`;
}

/** The Mini App's first screen: the script posts Telegram's signed data, then opens the plan. */
export function miniAppPage(t: Translator["t"]): Html {
  return html`<div
    class="signin card"
    id="mini-app"
    data-missing="${t("web-mini-app-missing")}"
    data-refused="${t("web-mini-app-refused")}"
  >
    <h1>${t("web-signin-title")}</h1>
    <p id="mini-app-status" role="status">${t("web-mini-app-wait")}</p>
  </div>`;
}
