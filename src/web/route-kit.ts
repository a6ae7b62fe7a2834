/** What the page routes share: the request's variables set at sign-in, and how a page or a 404 is sent. */
import type { Context } from "hono";
import type { IsoDate } from "../domain/calendar/index.js";
import type { Translator } from "../i18n/i18n.js";
import type { Viewer } from "../services/people/viewer.js";
import type { Html } from "./html.js";

export type WebEnv = {
  Variables: { viewer: Viewer; csrfToken: string; t: Translator["t"]; lang: string; today: IsoDate };
};

export interface PageRender {
  page: (c: Context<WebEnv>, status: number, title: string, body: Html) => Response | Promise<Response>;
  notFound: (c: Context<WebEnv>) => Response | Promise<Response>;
}

/** Ids in paths and forms are uuids; anything else is not found before the database is asked. */
export const isId = (value: unknown): value is string =>
  typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** A form field as text, trimmed and cut to a length ("" when absent or a file). */
export function field(form: Record<string, unknown>, name: string, max = 200): string {
  const value = form[name];
  return typeof value === "string" ? value.trim().slice(0, max) : "";
}
