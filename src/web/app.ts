/**
 * The office's web app: the plan, a milestone, the chairman's overview, over
 * the same services as the chat. Mounted on the process's one HTTP server.
 * Two sub-apps: the public one (sign-in, static files, the Mini App's entry,
 * signed task links) and the signed-in one, whose middleware requires a
 * session on every path it sees, so a new route is private unless it is added
 * to the public sub-app. Each subject has its routes file, mounted here.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { translatorFor } from "../i18n/i18n.js";
import type { Database } from "../../db/client.js";
import type { TaskLinkMac } from "../domain/links/index.js";
import type { Logger } from "../logger.js";
import type { PlanReader } from "../services/plans/import-plan-file.js";
import type { SendSlot } from "../services/reminders/sync-reminders.js";
import { attentionRoutes } from "./attention-routes.js";
import type { EnqueueReportBuild } from "../services/reports/report-builds.js";
import { compression } from "./compression.js";
import { importRoutes } from "./import-routes.js";
import { milestoneWorkRoutes } from "./milestone-work-routes.js";
import { milestoneRoutes } from "./milestone-routes.js";
import { parRoutes } from "./par-routes.js";
import { settingsRoutes } from "./pages/settings-routes.js";
import { type EmailWebDeps, peopleRoutes } from "./people-routes.js";
import { planRoutes } from "./plan-routes.js";
import { publicRoutes } from "./public-routes.js";
import { provinceRoutes } from "./province-routes.js";
import { registerRoutes } from "./register-routes.js";
import { reportRoutes } from "./report-routes.js";
import { barePage, type WebEnv } from "./route-kit.js";
import { sessionCookie } from "./session-cookie.js";
import { signedInApp } from "./signed-in.js";

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
  /** The email channel, when on: the people page sets addresses, its public links confirm and unsubscribe. */
  email?: EmailWebDeps | undefined;
  /** Hands a Word or PDF report build to the job queue; unset: built in this process after the answer. */
  enqueueReportBuild?: EnqueueReportBuild;
  /** Sign-in attempts per client address per window. */
  signInLimit?: { max: number; windowMs: number };
  /** Where evidence files are kept, the chat's folder: members upload evidence on the web too. */
  evidenceDir?: string;
}

/** The Hono app of the web front end; `createHttpApp` mounts it beside the webhooks. */
export function createWebApp(deps: WebDeps): Hono<WebEnv> {
  const cookie = sessionCookie(deps.publicUrl);
  const app = new Hono<WebEnv>();
  app.use(compression());
  // The public sub-app first: its handlers answer before the signed-in sub-app's middleware is reached.
  app.route("/", publicRoutes(deps, cookie));
  app.route(
    "/",
    signedInApp(deps, cookie, [
      attentionRoutes(deps),
      planRoutes(deps),
      milestoneRoutes(deps),
      milestoneWorkRoutes(deps),
      importRoutes(deps),
      peopleRoutes(deps),
      reportRoutes(deps),
      settingsRoutes(deps),
      parRoutes(deps),
      registerRoutes(deps),
      provinceRoutes(deps),
    ]),
  );
  // Kept when mounted beside the webhooks: a failure answers a Vietnamese page, logged with its path.
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    deps.logger.error({ err: error, path: c.req.path }, "web request failed");
    const vi = translatorFor("vi").t;
    return barePage(c, 500, vi("web-error-500-title"), vi("web-error-500"), vi);
  });
  return app;
}
