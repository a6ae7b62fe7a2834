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
import { barePage, type SubjectRoutes, type WebEnv } from "./route-kit.js";
import { sameSecret } from "./security.js";
import type { SessionCookie } from "./session-cookie.js";

/** Any signed-in form: a comment of 2,000 characters fits many times over. */
export const FORM_LIMIT_BYTES = 64 * 1024;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function signedInApp(deps: WebDeps, cookie: SessionCookie, subjects: SubjectRoutes[]): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const uploads = subjects.flatMap((s) => s.uploads ?? []);
  const formLimit: MiddlewareHandler<WebEnv> = limitBody(FORM_LIMIT_BYTES);
  const uploadLimits = new Map<string, MiddlewareHandler<WebEnv>>(
    uploads.map((u) => [`${u.method} ${u.path}`, limitBody(u.maxSize)]),
  );

  app.use("*", requireSession(deps, cookie));
  const limitByRoute: MiddlewareHandler<WebEnv> = (c, next) =>
    (uploadLimits.get(`${c.req.method} ${c.req.path}`) ?? formLimit)(c, next);
  app.use("*", limitByRoute);
  app.use("*", requireCsrf(deps, cookie));
  app.post("/signout", async (c) => {
    const token = cookie.read(c);
    if (token) await revokeSession(deps.db, token, deps.now());
    cookie.clear(c);
    return c.redirect("/app-signed-out", 303);
  });
  for (const subject of subjects) app.route("/", subject.routes);
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
