/**
 * The office's web app: the plan, a milestone, the chairman's overview, over
 * the same services as the chat. Mounted on the process's one HTTP server.
 * Sign-in is a one-time link from `/web` or Telegram's Mini App data; every
 * POST carries the session's CSRF token; every page is sent with a strict CSP.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import { DateTime } from "luxon";
import type { PlanReader } from "../services/plans/import-plan-file.js";
import type { Database } from "../../db/client.js";
import type { IsoDate } from "../domain/calendar/index.js";
import { formatWeekdayDate, parseDateInput, weekdayName } from "../domain/date-input/index.js";
import { type TaskLinkMac, verifyTaskLink } from "../domain/links/index.js";
import { type Translator, translatorFor } from "../i18n/i18n.js";
import type { Logger } from "../logger.js";
import { decideRequest, type Decision } from "../services/milestones/milestone-actions.js";
import type { Viewer } from "../services/people/viewer.js";
import { type SendSlot, syncReminders } from "../services/reminders/sync-reminders.js";
import {
  changeLead,
  type LeadChange,
  ReviewError,
  setMilestoneDate,
  unitChoices,
  unitsWithNoRecipient,
} from "../services/review.js";
import { MilestoneMoveError } from "../services/move-milestone.js";
import { findEvidenceFile, loadMilestoneDetail, loadPlanBoard, overviewOf } from "../services/web/plan-board.js";
import {
  findSession,
  redeemSignInLink,
  revokeSession,
  SESSION_TTL_MS,
  signInTelegramUser,
  type WebSession,
} from "../services/web/sessions.js";
import { SCRIPT, STYLESHEET } from "./assets.js";
import { registerImportRoutes } from "./import-routes.js";
import { registerPeopleRoutes } from "./people-routes.js";
import { registerRegisterRoutes } from "./register-routes.js";
import { registerReportRoutes } from "./report-routes.js";
import { registerSettingsRoutes } from "./pages/settings-routes.js";
import { isId } from "./route-kit.js";
import { Html } from "./html.js";
import { layout } from "./pages/layout.js";
import { milestonePage } from "./pages/milestone-page.js";
import { overviewPage } from "./pages/overview-page.js";
import { planPage } from "./pages/plan-page.js";
import { linkSignInPage, messagePage, miniAppPage } from "./pages/sign-in-pages.js";
import { createRateLimiter, sameSecret, SECURITY_HEADERS, sessionCookieName } from "./security.js";
import { verifyInitData } from "./telegram-init-data.js";

export interface WebDeps {
  db: Database;
  logger: Logger;
  now: () => Date;
  /** The address people open; links, cookies (Secure over https) and the Origin check follow it. */
  publicUrl: string;
  /** Verifies Mini App data; without it the Mini App cannot sign in. */
  botToken: string | undefined;
  scheduleSlots?: (slots: SendSlot[]) => Promise<void>;
  /** How an uploaded plan is read: in a child process in production (readPlanFile). */
  planReader?: PlanReader;
  /** The bot's username, for the invite links the units page makes (t.me/<bot>?start=…). */
  botUsername?: string;
  /** Checks the signed task links Zalo messages carry (`/t/<token>`); unset: such links are refused. */
  taskLinkMac?: TaskLinkMac;
  /** Sign-in attempts per client address per window. */
  signInLimit?: { max: number; windowMs: number };
}

type Env = { Variables: { viewer: Viewer; csrfToken: string; t: Translator["t"]; lang: string; today: IsoDate } };

const FORM_LIMIT_BYTES = 64 * 1024;

/** The Hono app of the web front end; `createHttpApp` mounts it beside the webhooks. */
export function createWebApp(deps: WebDeps): Hono<Env> {
  const app = new Hono<Env>();
  const publicUrl = new URL(deps.publicUrl);
  const secure = publicUrl.protocol === "https:";
  const cookieName = sessionCookieName(secure);
  const limiter = createRateLimiter(deps.signInLimit ?? { max: 10, windowMs: 60_000 });
  const vi = translatorFor("vi").t;

  const send = (c: Context, status: number, page: Html) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    c.header("cache-control", "no-store");
    return c.html(page.value, status as 200);
  };
  const bare = (c: Context, status: number, title: string, text: string, t = vi) =>
    send(c, status, layout({ t, lang: "vi", title, viewer: null }, messagePage(t, title, text)));

  const startSession = (c: Context, session: WebSession) => {
    setCookie(c, cookieName, session.token, {
      path: "/",
      httpOnly: true,
      secure,
      sameSite: "Lax",
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
  };
  const clientKey = (c: Context): string => {
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
    return incoming?.socket?.remoteAddress ?? "local";
  };
  /** A browser's cross-site POST says where it came from; anything but our origin is refused. */
  const foreignOrigin = (c: Context): boolean => {
    if (c.req.header("sec-fetch-site") === "cross-site") return true;
    const origin = c.req.header("origin");
    return origin !== undefined && origin !== "null" && origin !== publicUrl.origin;
  };

  app.get("/static/app.css", (c) => {
    c.header("cache-control", "public, max-age=3600");
    c.header("content-type", "text/css; charset=utf-8");
    return c.body(STYLESHEET);
  });
  app.get("/static/app.js", (c) => {
    c.header("cache-control", "public, max-age=3600");
    c.header("content-type", "text/javascript; charset=utf-8");
    return c.body(SCRIPT);
  });

  // --- Sign-in -------------------------------------------------------------
  app.get("/signin/:token", (c) =>
    send(
      c,
      200,
      layout(
        { t: vi, lang: "vi", title: vi("web-signin-title"), viewer: null },
        linkSignInPage(vi, c.req.param("token")),
      ),
    ),
  );
  app.post("/signin", bodyLimit({ maxSize: FORM_LIMIT_BYTES }), async (c) => {
    if (foreignOrigin(c)) return bare(c, 403, vi("web-signin-title"), vi("web-csrf"));
    if (!limiter.take(clientKey(c), deps.now().getTime()))
      return bare(c, 429, vi("web-signin-title"), vi("web-signin-rate-limited"));
    const form = await c.req.parseBody();
    const token = typeof form.token === "string" ? form.token : "";
    const result = await redeemSignInLink(deps.db, token, deps.now());
    if (!result.ok) {
      deps.logger.info({ reason: result.reason }, "web sign-in link refused");
      return bare(c, 401, vi("web-signin-title"), vi("web-signin-refused"));
    }
    startSession(c, result.session);
    return c.redirect("/plan", 303);
  });
  app.get("/app", (c) =>
    send(c, 200, layout({ t: vi, lang: "vi", title: vi("web-signin-title"), viewer: null }, miniAppPage(vi))),
  );
  app.post("/auth/telegram", bodyLimit({ maxSize: FORM_LIMIT_BYTES }), async (c) => {
    if (foreignOrigin(c)) return c.text("forbidden", 403);
    if (!limiter.take(clientKey(c), deps.now().getTime())) return c.text("too many attempts", 429);
    if (!deps.botToken) return c.text("mini app sign-in is not configured", 503);
    const form = await c.req.parseBody();
    const verified = verifyInitData(typeof form.initData === "string" ? form.initData : "", deps.botToken, deps.now());
    if (!verified.ok) {
      deps.logger.info({ reason: verified.reason }, "mini app sign-in refused");
      return c.text("refused", 401);
    }
    const result = await signInTelegramUser(deps.db, verified.userId, deps.now());
    if (!result.ok) return c.text("refused", 401);
    startSession(c, result.session);
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
    const token = getCookie(c, cookieName);
    const found = token ? await findSession(deps.db, token, deps.now()) : null;
    if (!found) return bare(c, 401, title, vi("web-task-link-sign-in"));
    // The page checks the viewer's rights as always: a link forwarded to someone else opens nothing more.
    return c.redirect(`/m/${check.claims.milestoneId}`, 303);
  });

  // --- Everything below needs a session ------------------------------------
  const requireSession = async (c: Context<Env>, next: () => Promise<void>) => {
    const token = getCookie(c, cookieName);
    const found = token ? await findSession(deps.db, token, deps.now()) : null;
    if (!found) {
      if (c.req.method !== "GET") return bare(c, 401, vi("web-signin-title"), vi("web-signin-needed"));
      return bare(c, 401, vi("web-signin-title"), vi("web-signin-needed"));
    }
    const translator = translatorFor(found.viewer.locale, { office: found.viewer.officeName });
    c.set("viewer", found.viewer);
    c.set("csrfToken", found.csrfToken);
    c.set("t", translator.t);
    c.set("lang", translator.locale);
    c.set("today", DateTime.fromJSDate(deps.now(), { zone: found.viewer.timeZone }).toISODate() as IsoDate);
    if (c.req.method === "POST") {
      const form = await c.req.parseBody();
      if (foreignOrigin(c) || !sameSecret(typeof form._csrf === "string" ? form._csrf : null, found.csrfToken)) {
        deps.logger.warn({ path: c.req.path }, "web change refused: CSRF token missing or wrong");
        return bare(c, 403, translator.t("web-error-title"), translator.t("web-csrf"), translator.t);
      }
    }
    await next();
  };
  const page = (c: Context<Env>, status: number, title: string, body: Html) =>
    send(
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
        },
        body,
      ),
    );
  const notFound = (c: Context<Env>) =>
    page(
      c,
      404,
      c.get("t")("web-not-found-title"),
      messagePage(c.get("t"), c.get("t")("web-not-found-title"), c.get("t")("web-not-found")),
    );

  const guarded = [
    "/",
    "/plan",
    "/overview",
    "/m/*",
    "/signout",
    "/people",
    "/people/*",
    "/units/*",
    "/reports",
    "/reports/*",
    "/register",
    "/register/*",
    "/settings",
    "/settings/*",
  ];
  for (const path of guarded) {
    app.use(path, bodyLimit({ maxSize: FORM_LIMIT_BYTES }));
    app.use(path, requireSession);
  }
  // A plan file is larger than a form: the import routes set their own limit.
  app.use("/import", requireSession);
  // Not "/import/*": Hono matches it to "/import" too, and every plan file over 64 KB got a 413.
  app.use("/import/:id", bodyLimit({ maxSize: FORM_LIMIT_BYTES }));
  app.use("/import/:id/preview", bodyLimit({ maxSize: FORM_LIMIT_BYTES }));
  app.use("/import/*", requireSession);

  app.get("/", (c) => c.redirect("/plan", 303));
  app.post("/signout", async (c) => {
    const token = getCookie(c, cookieName);
    if (token) await revokeSession(deps.db, token, deps.now());
    deleteCookie(c, cookieName, { path: "/", secure });
    return c.redirect("/app-signed-out", 303);
  });
  app.get("/app-signed-out", (c) => bare(c, 200, vi("web-signin-title"), vi("web-signed-out")));

  app.get("/plan", async (c) => {
    const t = c.get("t");
    const board = await loadPlanBoard(deps.db, c.get("viewer"), c.get("today"));
    const q = (name: string) => (c.req.query(name) ?? "").slice(0, 200);
    const filters = {
      unit: q("unit"),
      state: q("state"),
      section: q("section"),
      from: q("from"),
      to: q("to"),
      q: q("q"),
    };
    return page(c, 200, t("web-nav-plan"), planPage(t, board, filters));
  });

  app.get("/overview", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const board = await loadPlanBoard(deps.db, viewer, c.get("today"));
    // Coordinators only: the service refuses anyone else, who then sees no needs-attention list.
    const unreached = await unitsWithNoRecipient(deps.db, viewer, viewer.organizationId);
    const noRecipient = unreached.kind === "ok" ? unreached.units : [];
    return page(c, 200, t("web-nav-overview"), overviewPage(t, board.organizationName, overviewOf(board), noRecipient));
  });

  const showMilestone = async (
    c: Context<Env>,
    status: number,
    flashes: { ok?: string; error?: string; dateText?: string } = {},
  ) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const found = await loadMilestoneDetail(deps.db, viewer, c.req.param("id") ?? "", c.get("today"));
    if (!found.ok) return notFound(c);
    const choices = found.detail.may.coordinate ? await unitChoices(deps.db, viewer, viewer.organizationId) : null;
    const body = milestonePage(t, found.detail, {
      csrfToken: c.get("csrfToken"),
      timeZone: viewer.timeZone,
      leadChoices: choices?.kind === "ok" ? choices.units : [],
      ...(flashes.dateText !== undefined ? { dateText: flashes.dateText } : {}),
    });
    const flash = flashes.ok
      ? `<p class="flash ok" role="status">${escapeText(flashes.ok)}</p>`
      : flashes.error
        ? `<p class="flash error" role="alert">${escapeText(flashes.error)}</p>`
        : "";
    return page(c, status, found.detail.milestone.title, new Html(flash + body.value));
  };

  const DONE_KEYS = ["approve", "return", "grant", "deny", "date", "lead"] as const;
  app.get("/m/:id", (c) => {
    const done = c.req.query("done");
    const t = c.get("t");
    const ok = DONE_KEYS.find((k) => k === done);
    return showMilestone(c, 200, ok ? { ok: t("web-done", { what: ok }) } : {});
  });

  app.post("/m/:id/decide", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const form = await c.req.parseBody();
    const decision = (typeof form.decision === "string" ? form.decision : "") as Decision;
    if (!["approve", "return", "grant", "deny"].includes(decision))
      return showMilestone(c, 400, { error: t("web-bad-request") });
    const comment =
      typeof form.comment === "string" && form.comment.trim() !== "" ? form.comment.trim().slice(0, 2000) : null;
    if (decision === "return" && !comment) return showMilestone(c, 422, { error: t("web-return-needs-comment") });
    // The request must belong to this page's milestone and organization: the service checks the organization.
    const found = await loadMilestoneDetail(deps.db, viewer, c.req.param("id"), c.get("today"));
    if (!found.ok) return notFound(c);
    const requestId = typeof form.request === "string" ? form.request : "";
    if (!found.detail.pending.some((p) => p.requestId === requestId))
      return showMilestone(c, 409, {
        error: t("approval-already-decided", { state: t("approval-state", { state: "done" }) }),
      });
    const result = await decideRequest(deps.db, viewer, requestId, decision, {
      now: deps.now(),
      source: null,
      comment,
    });
    if (result.kind === "not-found") return notFound(c);
    if (result.kind === "not-allowed") return showMilestone(c, 403, { error: t("not-allowed") });
    if (result.kind === "already-decided")
      return showMilestone(c, 409, {
        error: t("approval-already-decided", { state: t("approval-state", { state: result.state }) }),
      });
    if (result.kind === "stale") return showMilestone(c, 409, { error: t("approval-stale") });
    if (decision === "grant" && result.slots.length > 0) await deps.scheduleSlots?.(result.slots);
    return c.redirect(`/m/${result.milestone.id}?done=${decision}`, 303);
  });

  app.post("/m/:id/date", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const form = await c.req.parseBody();
    const text = typeof form.text === "string" ? form.text.slice(0, 100) : "";
    const parsed = parseDateInput(text, c.get("today"));
    if (!parsed.ok && parsed.reason === "ambiguous") {
      // No buttons on a form: name the days that fit (and why, when the text contradicts itself) and let them type one.
      const choices = parsed.choices.map((choice) => formatWeekdayDate(choice.due)).join(" / ");
      const error = parsed.conflict
        ? t("web-date-weekday-mismatch", {
            text,
            date: formatWeekdayDate(parsed.conflict.date),
            written: weekdayName(parsed.conflict.weekday),
            choices,
          })
        : t("web-date-choose", { text, choices });
      return showMilestone(c, 422, { error, dateText: text });
    }
    if (!parsed.ok) return showMilestone(c, 422, { error: t("web-date-unknown", { text }), dateText: text });
    try {
      // The last day on time, as the chat takes it: "Quý II" is due 30/06.
      const slots = await setMilestoneDate(deps.db, viewer, c.req.param("id"), parsed.due, deps.now());
      if (slots.length > 0) await deps.scheduleSlots?.(slots);
    } catch (error) {
      if (error instanceof ReviewError) {
        if (error.reason === "not-found") return notFound(c);
        return showMilestone(c, 403, { error: t(error.reason === "closed" ? "web-closed" : "not-allowed") });
      }
      if (error instanceof MilestoneMoveError) return showMilestone(c, 422, { error: error.message, dateText: text });
      throw error;
    }
    return c.redirect(`/m/${c.req.param("id")}?done=date`, 303);
  });

  app.post("/m/:id/lead", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const form = await c.req.parseBody();
    const unitId = typeof form.unit === "string" ? form.unit : "";
    const found = await loadMilestoneDetail(deps.db, viewer, c.req.param("id"), c.get("today"));
    if (!found.ok || !isId(unitId)) return notFound(c);
    let change: LeadChange;
    try {
      change = await changeLead(deps.db, viewer, found.detail.milestone.taskId, unitId, deps.now());
    } catch (error) {
      if (!(error instanceof ReviewError)) throw error;
      if (error.reason === "not-found") return notFound(c);
      return showMilestone(c, 403, { error: t("not-allowed") });
    }
    if (!change.changed) return showMilestone(c, 200, { ok: t("web-lead-same", { unit: change.unit.name }) });
    const slots = await syncReminders(deps.db, viewer.organizationId, deps.now());
    if (slots.length > 0) await deps.scheduleSlots?.(slots);
    return c.redirect(`/m/${found.detail.milestone.id}?done=lead`, 303);
  });

  app.get("/m/:id/files/:file", async (c) => {
    const file = await findEvidenceFile(deps.db, c.get("viewer"), c.req.param("id"), c.req.param("file"));
    if (!file) return notFound(c);
    const info = await stat(file.storagePath).catch(() => null);
    if (!info) return notFound(c);
    c.header("content-type", file.mimeType ?? "application/octet-stream");
    c.header("content-length", String(info.size));
    c.header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    c.header("x-content-type-options", "nosniff");
    c.header("content-security-policy", "default-src 'none'; sandbox");
    return c.body(Readable.toWeb(createReadStream(file.storagePath)) as ReadableStream);
  });

  registerImportRoutes(
    app,
    {
      db: deps.db,
      now: deps.now,
      ...(deps.scheduleSlots ? { scheduleSlots: deps.scheduleSlots } : {}),
      ...(deps.planReader ? { planReader: deps.planReader } : {}),
    },
    { page, notFound },
  );

  const render = { page, notFound };
  registerPeopleRoutes(
    app,
    { db: deps.db, now: deps.now, botUsername: deps.botUsername, scheduleSlots: deps.scheduleSlots },
    render,
  );
  registerReportRoutes(app, { db: deps.db, logger: deps.logger }, render);
  registerRegisterRoutes(app, { db: deps.db }, render);
  registerSettingsRoutes(
    app,
    { db: deps.db, now: deps.now, logger: deps.logger, scheduleSlots: deps.scheduleSlots },
    render,
  );

  return app;
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
