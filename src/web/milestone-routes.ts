/**
 * A milestone's page and the decisions made on it: a completion or an
 * extension decided, the date moved, the lead unit changed, evidence
 * downloaded; the same services as the chat.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { type Context, Hono } from "hono";
import { formatWeekdayDate, parseDateInput, weekdayName } from "../domain/date-input/index.js";
import { decideRequest, type Decision } from "../services/milestones/milestone-actions.js";
import { syncReminders } from "../services/reminders/sync-reminders.js";
import { changeLead, setMilestoneDate, unitChoices } from "../services/review.js";
import { refusalStatus, refusalText } from "./refusals.js";
import { findEvidenceFile, loadMilestoneDetail } from "../services/web/plan-board.js";
import type { WebDeps } from "./app.js";
import { Html } from "./html.js";
import { PDF_TYPE, PREVIEW_IMAGE_TYPES } from "./pages/work-parts.js";
import { type MilestonePageOptions, milestonePage } from "./pages/milestone-page.js";
import { escapeText, isId, type PageRender, signedInRender, type SubjectRoutes, type WebEnv } from "./route-kit.js";

/** What was just done or refused, on top of the page, and what the person typed, kept in its form. */
export interface MilestoneFlash {
  ok?: string;
  error?: string;
  dateText?: string;
  referenceText?: string;
  extension?: MilestonePageOptions["extension"];
}

/** The milestone's page as it stands, with what was just done (or refused) on top. */
export function milestoneShower(deps: WebDeps, { page, notFound }: PageRender) {
  return async (c: Context<WebEnv>, status: number, flashes: MilestoneFlash = {}) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const found = await loadMilestoneDetail(deps.db, viewer, c.req.param("id") ?? "", c.get("today"));
    if (found.kind !== "ok") return notFound(c);
    const choices = found.detail.may.coordinate ? await unitChoices(deps.db, viewer, viewer.organizationId) : null;
    const body = milestonePage(t, found.detail, {
      csrfToken: c.get("csrfToken"),
      timeZone: viewer.timeZone,
      leadChoices: choices?.kind === "ok" ? choices.units : [],
      ...(flashes.dateText !== undefined ? { dateText: flashes.dateText } : {}),
      ...(flashes.referenceText !== undefined ? { referenceText: flashes.referenceText } : {}),
      ...(flashes.extension ? { extension: flashes.extension } : {}),
      uploads: deps.evidenceDir !== undefined,
    });
    const flash = flashes.ok
      ? `<p class="flash ok" role="status">${escapeText(flashes.ok)}</p>`
      : flashes.error
        ? `<p class="flash error" role="alert">${escapeText(flashes.error)}</p>`
        : "";
    return page(c, status, found.detail.milestone.title, new Html(flash + body.value));
  };
}

const isPreviewable = (mimeType: string | null) =>
  mimeType !== null && (mimeType === PDF_TYPE || PREVIEW_IMAGE_TYPES.has(mimeType));

export function milestoneRoutes(deps: WebDeps, render: PageRender = signedInRender): SubjectRoutes {
  const app = new Hono<WebEnv>();
  const { notFound } = render;
  const showMilestone = milestoneShower(deps, render);

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
    if (found.kind !== "ok") return notFound(c);
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
    if (result.kind === "not-allowed") return showMilestone(c, 403, { error: refusalText(t, result) });
    if (result.kind === "already-decided")
      return showMilestone(c, 409, {
        error: t("approval-already-decided", { state: t("approval-state", { state: result.state }) }),
      });
    if (result.kind === "stale")
      return showMilestone(c, 409, { error: refusalText(t, result, { stale: "approval-stale" }) });
    if (decision === "grant" && result.slots.length > 0) await deps.scheduleSlots?.(result.slots);
    // Decided from "Cần xử lý": back there, to the next decision.
    if (form.back === "/") return c.redirect(`/?done=${decision}`, 303);
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
    // The last day on time, as the chat takes it: "Quý II" is due 30/06.
    const dated = await setMilestoneDate(deps.db, viewer, c.req.param("id"), parsed.due, deps.now());
    if (dated.kind === "not-found") return notFound(c);
    if (dated.kind !== "dated") {
      const error = refusalText(t, dated);
      return showMilestone(c, refusalStatus(dated), dated.reason ? { error, dateText: text } : { error });
    }
    if (dated.slots.length > 0) await deps.scheduleSlots?.(dated.slots);
    return c.redirect(`/m/${c.req.param("id")}?done=date`, 303);
  });

  app.post("/m/:id/lead", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const form = await c.req.parseBody();
    const unitId = typeof form.unit === "string" ? form.unit : "";
    const found = await loadMilestoneDetail(deps.db, viewer, c.req.param("id"), c.get("today"));
    if (found.kind !== "ok" || !isId(unitId)) return notFound(c);
    const change = await changeLead(deps.db, viewer, found.detail.milestone.taskId, unitId, deps.now());
    if (change.kind === "not-found") return notFound(c);
    if (change.kind !== "lead-changed")
      return showMilestone(c, refusalStatus(change), { error: refusalText(t, change) });
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
    // Previews: images and PDFs open in the page; anything else (HTML, SVG…) only ever downloads.
    const inline = c.req.query("inline") === "1" && isPreviewable(file.mimeType);
    c.header("content-type", inline ? (file.mimeType as string) : (file.mimeType ?? "application/octet-stream"));
    c.header("content-length", String(info.size));
    c.header(
      "content-disposition",
      `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    c.header("x-content-type-options", "nosniff");
    c.header("cache-control", "private, max-age=3600");
    // Chromium will not draw a PDF under a sandbox policy; an image drawn by <img> never runs anything.
    if (!(inline && file.mimeType === PDF_TYPE)) c.header("content-security-policy", "default-src 'none'; sandbox");
    return c.body(Readable.toWeb(createReadStream(file.storagePath)) as ReadableStream);
  });

  return { routes: app };
}
