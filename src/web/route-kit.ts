/** What the page routes share: the request's variables set at sign-in, and how a page or a 404 is sent. */
import type { Context, Hono } from "hono";
import type { IsoDate } from "../domain/calendar/index.js";
import type { Translator } from "../i18n/i18n.js";
import type { Viewer } from "../services/people/viewer.js";
import { type Html, html } from "./html.js";
import { layout } from "./pages/layout.js";
import { messagePage } from "./pages/sign-in-pages.js";
import { SECURITY_HEADERS } from "./security.js";

export type WebEnv = {
  Variables: {
    viewer: Viewer;
    csrfToken: string;
    t: Translator["t"];
    lang: string;
    today: IsoDate;
    /** What waits for the viewer, counted for the navigation; null on a change. */
    attention: number | null;
  };
};

export interface PageRender {
  page: (c: Context<WebEnv>, status: number, title: string, body: Html) => Response | Promise<Response>;
  notFound: (c: Context<WebEnv>) => Response | Promise<Response>;
}

/** A subject's routes, and the routes among them that take more than a form (uploads), by exact path. */
export interface SubjectRoutes {
  routes: Hono<WebEnv>;
  uploads?: { method: "POST"; path: string; maxSize: number }[];
}

/** Ids in paths and forms are uuids; anything else is not found before the database is asked. */
export const isId = (value: unknown): value is string =>
  typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** A form field as text, trimmed and cut to a length ("" when absent or a file). */
export function field(form: Record<string, unknown>, name: string, max = 200): string {
  const value = form[name];
  return typeof value === "string" ? value.trim().slice(0, max) : "";
}

/** Any HTML page, with the security headers and never cached. */
export function sendHtml(c: Context, status: number, page: Html): Response {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  c.header("cache-control", "no-store");
  return c.html(page.value, status as 200);
}

/** A one-message page for someone not (or no longer) signed in. */
export function barePage(c: Context, status: number, title: string, text: string, t: Translator["t"]): Response {
  return sendHtml(c, status, layout({ t, lang: "vi", title, viewer: null }, messagePage(t, title, text)));
}

/** How a signed-in page or its 404 is sent, in the viewer's language with the navigation. */
export const signedInRender: PageRender = {
  page: (c, status, title, body) =>
    sendHtml(
      c,
      status,
      layout(
        {
          t: c.get("t"),
          lang: c.get("lang"),
          title,
          viewer: c.get("viewer"),
          csrfToken: c.get("csrfToken"),
          path: c.req.path,
          attention: c.get("attention"),
        },
        body,
      ),
    ),
  notFound: (c) => {
    const t = c.get("t");
    return signedInRender.page(
      c,
      404,
      t("web-not-found-title"),
      messagePage(
        t,
        t("web-not-found-title"),
        t("web-not-found"),
        html`<p><a href="/">← ${t("web-not-found-home")}</a></p>`,
      ),
    );
  },
};

/** Text for an HTML flash paragraph. */
export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  zip: "application/zip",
} as const;

/** Sends a built file (a report, a workbook, a bundle) as an attachment under the name the chat gives it. */
export function attachment(c: Context<WebEnv>, bytes: Buffer, fileName: string, format: keyof typeof CONTENT_TYPES) {
  c.header("content-type", CONTENT_TYPES[format]);
  c.header("content-length", String(bytes.length));
  // The names are mostly ASCII (slug, day, period), but a UTF-8 form costs nothing and survives any name.
  c.header(
    "content-disposition",
    `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  );
  c.header("cache-control", "no-store");
  c.header("x-content-type-options", "nosniff");
  return c.body(new Uint8Array(bytes));
}
