/**
 * The public sub-app: what a stranger may open. Static assets, the sign-in
 * link and its form, the Mini App's entry and its sign-in, a signed task link
 * and the page after sign-out. Everything else is the signed-in sub-app's, so
 * a route added anywhere else needs a session.
 */
import { type Context, Hono } from "hono";
import { verifyTaskLink } from "../domain/links/index.js";
import { createEmailRoutes } from "./email-routes.js";
import { translatorFor } from "../i18n/i18n.js";
import { findSession, redeemSignInLink, signInTelegramUser } from "../services/web/sessions.js";
import type { WebDeps } from "./app.js";
import { ASSET_VERSION, SCRIPT, STYLESHEET } from "./assets.js";
import { limitBody } from "./body-limit.js";
import { layout } from "./pages/layout.js";
import { linkSignInPage, miniAppPage } from "./pages/sign-in-pages.js";
import { barePage, sendHtml } from "./route-kit.js";
import { createRateLimiter } from "./security.js";
import type { SessionCookie } from "./session-cookie.js";
import { verifyInitData } from "./telegram-init-data.js";

/** A sign-in form is a token or the Mini App's init data: a few kilobytes. */
export const SIGN_IN_LIMIT_BYTES = 64 * 1024;

const clientKey = (c: Context): string => {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "local";
};

export function publicRoutes(deps: WebDeps, cookie: SessionCookie): Hono {
  const app = new Hono();
  const limiter = createRateLimiter(deps.signInLimit ?? { max: 10, windowMs: 60_000 });
  const vi = translatorFor("vi").t;
  const bare = (c: Context, status: number, title: string, text: string) => barePage(c, status, title, text, vi);
  const small = limitBody(SIGN_IN_LIMIT_BYTES);

  for (const [path, type, body] of [
    ["/static/app.css", "text/css", STYLESHEET],
    ["/static/app.js", "text/javascript", SCRIPT],
  ] as const) {
    const etag = `"${ASSET_VERSION}"`;
    app.get(path, (c) => {
      // Fingerprinted by the pages (`?v=`): kept for a year; without it, revalidated by its ETag after an hour.
      c.header(
        "cache-control",
        c.req.query("v") === ASSET_VERSION ? "public, max-age=31536000, immutable" : "public, max-age=3600",
      );
      c.header("etag", etag);
      if (
        c.req
          .header("if-none-match")
          ?.split(/\s*,\s*/)
          .some((tag) => tag.replace(/^W\//, "") === etag)
      )
        return c.body(null, 304);
      c.header("content-type", `${type}; charset=utf-8`);
      return c.body(body);
    });
  }

  app.get("/signin/:token", (c) =>
    sendHtml(
      c,
      200,
      layout(
        { t: vi, lang: "vi", title: vi("web-signin-title"), viewer: null },
        linkSignInPage(vi, c.req.param("token")),
      ),
    ),
  );
  app.post("/signin", small, async (c) => {
    if (cookie.foreignOrigin(c)) return bare(c, 403, vi("web-signin-title"), vi("web-csrf"));
    if (!limiter.take(clientKey(c), deps.now().getTime()))
      return bare(c, 429, vi("web-signin-title"), vi("web-signin-rate-limited"));
    const form = await c.req.parseBody();
    const token = typeof form.token === "string" ? form.token : "";
    const result = await redeemSignInLink(deps.db, token, deps.now());
    if (result.kind !== "signed-in") {
      deps.logger.info({ reason: result.kind }, "web sign-in link refused");
      return bare(c, 401, vi("web-signin-title"), vi("web-signin-refused"));
    }
    cookie.start(c, result.session);
    return c.redirect("/", 303);
  });
  app.get("/app", (c) =>
    sendHtml(c, 200, layout({ t: vi, lang: "vi", title: vi("web-signin-title"), viewer: null }, miniAppPage(vi))),
  );
  app.post("/auth/telegram", small, async (c) => {
    if (cookie.foreignOrigin(c)) return c.text("forbidden", 403);
    if (!limiter.take(clientKey(c), deps.now().getTime())) return c.text("too many attempts", 429);
    if (!deps.botToken) return c.text("mini app sign-in is not configured", 503);
    const form = await c.req.parseBody();
    const verified = verifyInitData(typeof form.initData === "string" ? form.initData : "", deps.botToken, deps.now());
    if (!verified.ok) {
      deps.logger.info({ reason: verified.reason }, "mini app sign-in refused");
      return c.text("refused", 401);
    }
    const result = await signInTelegramUser(deps.db, verified.userId, deps.now());
    if (result.kind !== "signed-in") return c.text("refused", 401);
    cookie.start(c, result.session);
    return c.text("ok");
  });

  // A task link from a Zalo message: checked before anything in it is believed, then the task's page.
  app.get("/t/:token", async (c) => {
    const title = vi("web-task-link-title");
    const check = deps.taskLinkMac
      ? verifyTaskLink(c.req.param("token"), deps.taskLinkMac, deps.now())
      : ({ ok: false, reason: "forged" } as const);
    if (!check.ok) {
      deps.logger.info({ reason: check.reason }, "task link refused");
      return check.reason === "expired"
        ? bare(c, 410, title, vi("web-task-link-expired"))
        : bare(c, 403, title, vi("web-task-link-forged"));
    }
    const token = cookie.read(c);
    const found = token ? await findSession(deps.db, token, deps.now()) : null;
    if (!found) return bare(c, 401, title, vi("web-task-link-sign-in"));
    // The page checks the viewer's rights as always: a link forwarded to someone else opens nothing more.
    return c.redirect(`/m/${check.claims.milestoneId}`, 303);
  });

  app.get("/app-signed-out", (c) => bare(c, 200, vi("web-signin-title"), vi("web-signed-out")));
  // A mail's confirmation and one-click unsubscribe: the token in the link is the key.
  app.route(
    "/",
    createEmailRoutes({ db: deps.db, now: deps.now, mac: deps.email?.mac, bounceSecret: deps.email?.bounceSecret }),
  );
  return app;
}
