/**
 * The signed-in sub-app: its middleware runs on every path it sees, so a
 * route added to any subject's routes file needs a session, and every unsafe
 * request needs the session's CSRF token. A request's body is limited before
 * anything reads it (the CSRF check is the first reader): a form gets a few
 * kilobytes, an upload route the size it declares.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { localDay } from "../domain/planning/index.js";
import { translatorFor } from "../i18n/i18n.js";
import { findSession, revokeSession } from "../services/web/sessions.js";
import type { WebDeps } from "./app.js";
import { limitBody } from "./body-limit.js";
import { attentionCount } from "../services/web/needs-attention.js";
import { barePage, signedInRender, type SubjectRoutes, type WebEnv } from "./route-kit.js";
import { sameSecret } from "./security.js";
import type { SessionCookie } from "./session-cookie.js";

/** Any signed-in form: a comment of 2,000 characters fits many times over. */
export const FORM_LIMIT_BYTES = 64 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function signedInApp(deps: WebDeps, cookie: SessionCookie, subjects: SubjectRoutes[]): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const uploads = subjects.flatMap((s) => s.uploads ?? []);
  const formLimit: MiddlewareHandler<WebEnv> = limitBody(FORM_LIMIT_BYTES);
  // A path may name a parameter (`/m/:id/evidence`): it matches any one segment there.
  const uploadLimits = uploads.map((u) => ({
    method: u.method,
    pattern: new RegExp(`^${u.path.replace(/:[A-Za-z]+/g, "[^/]+")}$`),
    limit: limitBody(u.maxSize) as MiddlewareHandler<WebEnv>,
  }));

  app.use("*", requireSession(deps, cookie));
  const limitByRoute: MiddlewareHandler<WebEnv> = (c, next) =>
    (uploadLimits.find((u) => u.method === c.req.method && u.pattern.test(c.req.path))?.limit ?? formLimit)(c, next);
  app.use("*", limitByRoute);
  app.use("*", requireCsrf(deps, cookie));
  app.post("/signout", async (c) => {
    const token = cookie.read(c);
    if (token) await revokeSession(deps.db, token, deps.now());
    cookie.clear(c);
    return c.redirect("/app-signed-out", 303);
  });
  for (const subject of subjects) app.route("/", subject.routes);
  // A signed-in path nobody registered: the Vietnamese page with the navigation, not Hono's English text.
  app.all("*", (c) => signedInRender.notFound(c));
  return app;
}

/** No session, no page: the sign-in page says how to get one. Reads the cookie only, never the body. */
function requireSession(deps: WebDeps, cookie: SessionCookie): MiddlewareHandler<WebEnv> {
  const vi = translatorFor("vi").t;
  return async (c, next) => {
    const token = cookie.read(c);
    const found = token ? await findSession(deps.db, token, deps.now()) : null;
    if (!found) return barePage(c, 401, vi("web-signin-title"), vi("web-signin-needed"), vi);
    const translator = translatorFor(found.viewer.locale, { office: found.viewer.officeName });
    c.set("viewer", found.viewer);
    c.set("csrfToken", found.csrfToken);
    c.set("t", translator.t);
    c.set("lang", translator.locale);
    c.set("today", localDay(deps.now(), found.viewer.timeZone));
    // The number beside "Cần xử lý" in the navigation, on pages only (a change redirects to a page that counts).
    c.set("attention", c.req.method === "GET" ? await attentionCount(deps.db, found.viewer, c.get("today")) : null);
    await next();
  };
}

/** A change carries the session's token in its form and comes from our origin. */
function requireCsrf(deps: WebDeps, cookie: SessionCookie): MiddlewareHandler<WebEnv> {
  return async (c: Context<WebEnv>, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const form = await c.req.parseBody();
    if (
      cookie.foreignOrigin(c) ||
      !sameSecret(typeof form._csrf === "string" ? form._csrf : null, c.get("csrfToken"))
    ) {
      deps.logger.warn({ path: c.req.path }, "web change refused: CSRF token missing or wrong");
      const t = c.get("t");
      return barePage(c, 403, t("web-error-title"), t("web-csrf"), t);
    }
    await next();
  };
}
