/**
 * What a member does to a milestone on the web and in the Mini App: report it
 * done, send evidence (files or a document's reference), report progress, ask
 * for more time. The same service calls as the chat's buttons, answered with
 * the chat's words; the notices follow the events those calls record, never
 * this file.
 */
import { type Context, Hono } from "hono";
import { formatVietnameseDate } from "../domain/calendar/index.js";
import { formatWeekdayDate, readTypedDeadline, weekdayName } from "../domain/date-input/index.js";
import { displayFileName } from "../domain/files/safe-file-name.js";
import { isRefused } from "../services/access.js";
import { loadOrganizationCalendar } from "../services/calendar.js";
import { addEvidenceReference, citeReference, parseDocumentReference } from "../services/evidence-references.js";
import { createFileEvidenceStore, MAX_EVIDENCE_BYTES } from "../services/evidence/evidence-store.js";
import {
  addProgressNote,
  attachEvidence,
  markDone,
  reportProgress,
  requestExtension,
} from "../services/milestones/milestone-actions.js";
import { type MilestoneView, titleOf } from "../services/milestones/milestone-view.js";
import type { WebDeps } from "./app.js";
import { milestoneShower } from "./milestone-routes.js";
import { field, type PageRender, signedInRender, type SubjectRoutes, type WebEnv } from "./route-kit.js";

/** One upload may carry a few files; each is held to the chat's limit. */
export const EVIDENCE_REQUEST_LIMIT_BYTES = 2 * MAX_EVIDENCE_BYTES + 64 * 1024;

export function milestoneWorkRoutes(deps: WebDeps, render: PageRender = signedInRender): SubjectRoutes {
  const app = new Hono<WebEnv>();
  const show = milestoneShower(deps, render);
  const context = () => ({ now: deps.now(), source: null });

  /** A service's refusal on this page: a milestone of another office is not found, the rest are said. */
  const refusal = (c: Context<WebEnv>, result: { kind: string; milestone?: MilestoneView }) => {
    const t = c.get("t");
    if (result.kind === "not-found") return render.notFound(c);
    if (result.kind === "closed" && result.milestone)
      return show(c, 409, {
        error: t("milestone-closed", { title: titleOf(result.milestone), state: result.milestone.state }),
      });
    return show(c, 403, { error: t("not-allowed") });
  };

  /** "Báo hoàn thành", after the evidence when it came with it. */
  const complete = async (c: Context<WebEnv>, done: string[]) => {
    const t = c.get("t");
    const result = await markDone(deps.db, c.get("viewer"), c.req.param("id") ?? "", context());
    if (isRefused(result)) return refusal(c, result);
    if (result.kind === "needs-evidence")
      return show(c, 422, {
        error: t("web-work-needs-evidence", {
          title: titleOf(result.milestone),
          product: result.milestone.product ?? "",
        }),
      });
    const key =
      result.kind === "already-submitted"
        ? "completion-already-submitted"
        : result.kind === "done"
          ? "completion-done"
          : "completion-submitted";
    return show(c, 200, { ok: [...done, t(key, { title: titleOf(result.milestone) })].join(" ") });
  };

  app.post("/m/:id/done", (c) => complete(c, []));

  app.post("/m/:id/evidence", async (c) => {
    const t = c.get("t");
    const form = await c.req.parseBody({ all: true });
    const files = [form.files ?? []].flat().filter((f): f is File => f instanceof File && f.size > 0);
    if (files.length === 0) return show(c, 422, { error: t("web-work-no-file") });
    const tooLarge = files.find((f) => f.size > MAX_EVIDENCE_BYTES);
    if (tooLarge) return show(c, 413, { error: t("web-work-too-large", { file: displayFileName(tooLarge.name) }) });
    if (!deps.evidenceDir) return show(c, 503, { error: t("web-work-no-store") });
    const evidence = createFileEvidenceStore(deps.evidenceDir);
    const saved: string[] = [];
    for (const file of files) {
      const result = await attachEvidence(
        deps.db,
        c.get("viewer"),
        c.req.param("id"),
        {
          fileName: displayFileName(file.name),
          mimeType: file.type || null,
          bytes: Buffer.from(await file.arrayBuffer()),
          telegramFileId: null,
          telegramFileUniqueId: null,
        },
        { ...context(), evidence },
      );
      if (isRefused(result)) return refusal(c, result);
      saved.push(t("evidence-saved", { file: result.fileName, title: titleOf(result.milestone) }));
    }
    if (field(form, "then") === "done") return complete(c, saved);
    return show(c, 200, { ok: saved.join(" ") });
  });

  app.post("/m/:id/reference", async (c) => {
    const t = c.get("t");
    const text = field(await c.req.parseBody(), "reference", 1000);
    const parsed = parseDocumentReference(text);
    if (!parsed.ok)
      return show(c, 422, { error: t("evidence-reference-bad", { reason: parsed.reason }), referenceText: text });
    const result = await addEvidenceReference(
      deps.db,
      c.get("viewer"),
      c.req.param("id"),
      { reference: parsed.reference, typedText: text },
      context(),
    );
    if (result.kind !== "saved") return refusal(c, result);
    const words = { citation: citeReference(parsed.reference), title: titleOf(result.milestone) };
    return show(c, 200, {
      ok: t(result.duplicate ? "evidence-reference-duplicate" : "evidence-reference-saved", words),
    });
  });

  app.post("/m/:id/progress", async (c) => {
    const t = c.get("t");
    const form = await c.req.parseBody();
    const text = field(form, "percent", 10);
    const percent = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
    if (!(percent >= 0 && percent <= 100)) return show(c, 422, { error: t("web-work-bad-percent") });
    const viewer = c.get("viewer");
    const result = await reportProgress(deps.db, viewer, c.req.param("id"), percent, context());
    if (result.kind !== "saved") return refusal(c, result);
    const said = [t("web-work-progress-saved", { percent, title: titleOf(result.milestone) })];
    const note = field(form, "note", 2000);
    if (note !== "") {
      const noted = await addProgressNote(deps.db, viewer, c.req.param("id"), note, context());
      if (noted.kind === "saved") said.push(t("progress-note-saved", { title: titleOf(noted.milestone) }));
    }
    return show(c, 200, { ok: said.join(" ") });
  });

  app.post("/m/:id/extend", extensionRequest(deps, show, refusal));

  return {
    routes: app,
    uploads: [{ method: "POST", path: "/m/:id/evidence", maxSize: EVIDENCE_REQUEST_LIMIT_BYTES }],
  };
}

type Show = ReturnType<typeof milestoneShower>;
type RefusalAnswer = (
  c: Context<WebEnv>,
  result: { kind: string; milestone?: MilestoneView },
) => Promise<Response> | Response;

/**
 * "Xin gia hạn": the day typed as in the chat (its grammar, its answers to a
 * past, impossible or ambiguous day; the days an ambiguous text may mean come
 * back as buttons), and a reason.
 */
function extensionRequest(deps: WebDeps, show: Show, refusal: RefusalAnswer) {
  return async (c: Context<WebEnv>) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const form = await c.req.parseBody();
    // A day chosen among those the text could mean comes as its own button.
    const text = field(form, "chosen", 100) || field(form, "date", 100);
    const reason = field(form, "reason", 2000);
    const kept = { text, reason, choices: [] as string[] };
    if (reason === "") return show(c, 422, { error: t("web-work-reason-needed"), extension: kept });
    const calendar = await loadOrganizationCalendar(deps.db, viewer.organizationId);
    const read = readTypedDeadline(text, c.get("today"), { calendar });
    if (read.kind === "past")
      return show(c, 422, { error: t("date-past", { text, date: formatWeekdayDate(read.due) }), extension: kept });
    if (read.kind === "ambiguous") {
      const question = read.conflict
        ? t("date-weekday-mismatch", {
            text,
            date: formatWeekdayDate(read.conflict.date),
            written: weekdayName(read.conflict.weekday),
          })
        : t("date-ambiguous", { text });
      return show(c, 422, { error: question, extension: { ...kept, choices: read.choices.map(formatWeekdayDate) } });
    }
    if (read.kind !== "ok")
      return show(c, 422, {
        error: t(read.kind === "impossible-date" ? "extension-impossible-date" : "extension-bad-date", { text }),
        extension: kept,
      });
    const result = await requestExtension(
      deps.db,
      viewer,
      c.req.param("id") ?? "",
      { newDue: read.due, reason },
      { now: deps.now(), source: null },
    );
    if (isRefused(result)) return refusal(c, result);
    if (result.kind === "not-later")
      return show(c, 422, {
        error: t("extension-not-later", {
          date: formatWeekdayDate(read.due),
          due: result.milestone.due ? formatVietnameseDate(result.milestone.due) : t("due-none"),
        }),
        extension: kept,
      });
    if (result.kind === "already-pending")
      return show(c, 409, { error: t("extension-already-pending", { title: titleOf(result.milestone) }) });
    return show(c, 200, {
      ok: t("extension-submitted", { title: titleOf(result.milestone), date: formatVietnameseDate(read.due) }),
    });
  };
}
