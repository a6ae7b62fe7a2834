import type { Translator } from "../../i18n/i18n.js";
import { capabilitiesOf } from "../../services/access.js";
import type { Viewer } from "../../services/people/viewer.js";
import { ASSET_VERSION } from "../assets.js";
import { type Html, html } from "../html.js";

export interface PageFrame {
  t: Translator["t"];
  lang: string;
  title: string;
  /** The signed-in person (navigation and sign-out), or null on the sign-in pages. */
  viewer: Viewer | null;
  csrfToken?: string;
  /** The request's path: its navigation link is marked as the current page. */
  path?: string;
  /** The count beside "Cần xử lý" (or "Việc của tôi"). */
  attention?: number | null;
}

/** The page around every screen: one stylesheet, one script, both from our origin. */
export function layout(frame: PageFrame, body: Html): Html {
  const { t, viewer } = frame;
  return html`<!doctype html>
    <html lang="${frame.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${frame.title} · nhacviec</title>
        <link rel="stylesheet" href="/static/app.css?v=${ASSET_VERSION}" />
        <script src="/static/app.js?v=${ASSET_VERSION}" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">${t("web-skip")}</a>
        ${
          viewer
            ? html`<header class="top">
                <span class="org">${viewer.organizationName}</span>
                <nav aria-label="${t("web-nav-label")}">${navLinks(frame, viewer)}</nav>
                <span class="muted">${viewer.fullName}</span>
                <form method="post" action="/signout">
                  <input type="hidden" name="_csrf" value="${frame.csrfToken ?? ""}" /><button
                    class="link"
                    type="submit"
                  >
                    ${t("web-sign-out")}
                  </button>
                </form>
              </header>`
            : null
        }
        <main id="main">${body}</main>
      </body>
    </html>`;
}

/** The pages the viewer may open, in the order of a working day; the current one is marked. */
function navLinks(frame: PageFrame, viewer: Viewer): Html[] {
  const { t } = frame;
  const may = capabilitiesOf(viewer);
  const leads = may.readOrganization;
  const links: Array<[string, string, boolean]> = [
    ["/", t(leads ? "web-nav-attention" : "web-nav-mine"), true],
    ["/plan", t("web-nav-plan"), true],
    ["/overview", t("web-nav-overview"), true],
    ["/people", t("web-nav-people"), may.coordinate],
    ["/register", t("web-nav-register"), may.readOrganization],
    ["/reports", t("web-nav-reports"), may.readOrganization],
    ["/province", t("web-nav-province"), may.overseeOrganizations],
    ["/par", t("web-par-title"), may.coordinate],
    ["/import", t("web-nav-import"), may.coordinate],
    ["/settings", t("web-nav-settings"), may.coordinate],
  ];
  const current = (href: string) =>
    frame.path === href ||
    (href !== "/" && frame.path?.startsWith(`${href}/`)) ||
    (href === "/people" && frame.path?.startsWith("/units/"));
  return links
    .filter(([, , allowed]) => allowed)
    .map(([href, label]) => {
      const count =
        href === "/" && frame.attention
          ? html`<span class="badge"
              >${frame.attention}<span class="visually-hidden"> ${t("web-nav-count")}</span></span
            >`
          : null;
      return current(href)
        ? html`<a href="${href}" aria-current="page">${label}${count}</a>`
        : html`<a href="${href}">${label}${count}</a>`;
    });
}

export function flash(kind: "ok" | "error", text: string | null): Html | null {
  return text ? html`<p class="flash ${kind}" role="status">${text}</p>` : null;
}
