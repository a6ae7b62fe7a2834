/**
 * Uploading a plan on the web: the same import use case as the chat and the
 * CLI (importPlanFile: one reader in a child process, one year rule, one list
 * of file types, one task limit). The file is read and the import previewed
 * (the real import, rolled back); nothing is stored until the coordinator
 * confirms. A plan over the task limit is confirmed by its count first.
 */
import { type Context, Hono } from "hono";
import { displayFileName } from "../domain/files/safe-file-name.js";
import type { Database } from "../../db/client.js";
import { displayTitle } from "../domain/milestones/index.js";
import { likelyAliases } from "../domain/units/index.js";
import { ImportError } from "../import/import-error.js";
import type { PlanDraft } from "../import/plan-draft.js";
import { readPlanFile } from "../import/read-plan-file.js";
import type { Translator } from "../i18n/i18n.js";
import { importPreviewLines } from "../i18n/import-preview.js";
import { capabilitiesOf, isRefused } from "../services/access.js";
import type { ImportSummary } from "../services/import-plan.js";
import {
  importPlanFile,
  isPlanFileName,
  PLAN_FILE_EXTENSIONS,
  type PlanFileRequest,
  type PlanReader,
} from "../services/plans/import-plan-file.js";
import type { Viewer } from "../services/people/viewer.js";
import type { SendSlot } from "../services/reminders/sync-reminders.js";
import { type Html, html } from "./html.js";
import { aliasNameToUnit, unitChoices } from "../services/review.js";
import { createPendingUploads, type PendingUpload, type PendingUploads } from "../services/plans/pending-uploads.js";
import { field, type PageRender, signedInRender, type SubjectRoutes, type WebEnv } from "./route-kit.js";
import { refusalText } from "./refusals.js";
import { readReceiptField } from "./typed-receipt.js";

/** As large as a plan file the chat accepts (Telegram's download limit). */
const MAX_PLAN_BYTES = 20 * 1024 * 1024;
/** The upload's whole body: the file and the form around it (multipart headers, the CSRF token). */
export const UPLOAD_LIMIT_BYTES = MAX_PLAN_BYTES + 64 * 1024;

/** The preview in the chat's words (the same locale keys), one list item per line. */
function previewLines(t: Translator["t"], draft: PlanDraft, summary: ImportSummary): string[] {
  // The chat's lines are bullets, some spanning several lines: one list item each here.
  return importPreviewLines(t, draft, summary, { listLimit: 12, maxMoves: Number.POSITIVE_INFINITY })
    .flatMap((line) => line.split("\n"))
    .map((line) => line.replace(/^•\s*/, ""));
}

type Env = WebEnv;

const csrf = (c: Context<Env>) => html`<input type="hidden" name="_csrf" value="${c.get("csrfToken")}" />`;
const extensions = PLAN_FILE_EXTENSIONS.join(", ");

/** The form to choose a plan file, with what went wrong on top and the day of receipt typed kept. */
function uploadFormPage(render: PageRender, c: Context<Env>, error?: string, receivedText = "") {
  const t = c.get("t");
  return render.page(
    c,
    error ? 422 : 200,
    t("web-import-title"),
    html`<h1>${t("web-import-title")}</h1>
      ${error ? html`<p class="flash error" role="alert">${error}</p>` : null}
      <form class="card" method="post" action="/import" enctype="multipart/form-data">
        ${csrf(c)}
        <label for="plan-file">${t("web-import-file", { extensions })}</label>
        <input id="plan-file" type="file" name="file" accept="${PLAN_FILE_EXTENSIONS.join(",")}" required />
        <label for="received-on">${t("web-import-received-on")}</label>
        <input id="received-on" type="date" name="receivedOn" value="${receivedText}" max="${c.get("today")}" />
        <p><button type="submit">${t("web-import-preview")}</button></p>
      </form>`,
  );
}

/** The tasks the reader warned about, by number and title, with what it said. */
function warnedTasks(t: Translator["t"], draft: PlanDraft): Html | null {
  const warned = draft.tasks.filter((task) => task.warnings.length > 0);
  if (warned.length === 0) return null;
  return html`<h3 id="warned-h">${t("web-import-warned", { count: warned.length })}</h3>
    <ul class="warned" aria-labelledby="warned-h">
      ${warned.map(
        (task) =>
          html`<li>
            <strong>${task.section ? `${task.section}.${task.stt ?? ""}` : (task.stt ?? "")}</strong>
            ${displayTitle(task.title)}
            <ul>
              ${task.warnings.map((warning) => html`<li>${warning}</li>`)}
            </ul>
          </li>`,
      )}
    </ul>`;
}

/** The names that would become new units, each with the known units it likely spells, one press to merge. */
function newUnitsList(
  c: Context<Env>,
  id: string,
  summary: ImportSummary,
  known: Array<{ id: string; name: string }>,
): Html | null {
  const t = c.get("t");
  if (summary.newUnits.length === 0) return null;
  return html`<h3 id="new-units-h">${t("web-import-new-units", { count: summary.newUnits.length })}</h3>
    <ul class="new-units" aria-labelledby="new-units-h">
      ${summary.newUnits.map((name) => {
        const likely = likelyAliases(name, known);
        return html`<li>
          <strong>${name}</strong>
          ${likely.map(
            (unit) =>
              html`<form class="inline" method="post" action="/import/${id}/alias">
                ${csrf(c)}<input type="hidden" name="name" value="${name}" /><input
                  type="hidden"
                  name="into"
                  value="${unit.id}"
                /><button type="submit" class="secondary">${t("web-import-merge-into", { unit: unit.name })}</button>
              </form>`,
          )}
        </li>`;
      })}
    </ul>`;
}

/** What the import would do, and the button that does it. */
function importPreviewPage(
  render: PageRender,
  c: Context<Env>,
  {
    id,
    fileName,
    draft,
    summary,
    known = [],
    notice,
  }: {
    id: string;
    fileName: string;
    draft: PlanDraft;
    summary: ImportSummary;
    known?: Array<{ id: string; name: string }>;
    notice?: string | undefined;
  },
) {
  const t = c.get("t");
  return render.page(
    c,
    200,
    t("web-import-title"),
    html`<h1>${t("web-import-title")}</h1>
      ${notice ? html`<p class="flash ok" role="status">${notice}</p>` : null}
      <section class="card" aria-labelledby="preview-h">
        <h2 id="preview-h">${fileName}</h2>
        <ul class="import-preview">
          ${previewLines(t, draft, summary).map((line) => html`<li>${line}</li>`)}
        </ul>
        ${newUnitsList(c, id, summary, known)} ${warnedTasks(t, draft)}
        <p>${t("import-confirm-question")}</p>
        <form method="post" action="/import/${id}">
          ${csrf(c)}
          <button type="submit">${t("web-import-confirm")}</button>
          <a class="button secondary" href="/import">${t("web-import-cancel")}</a>
        </form>
      </section>`,
  );
}

/** Thousands of tasks are more often a misread file than a plan: the count is confirmed before the preview. */
function countQuestionPage(
  render: PageRender,
  c: Context<Env>,
  { id, fileName, tasks, limit }: { id: string; fileName: string; tasks: number; limit: number },
) {
  const t = c.get("t");
  return render.page(
    c,
    200,
    t("web-import-title"),
    html`<h1>${t("web-import-title")}</h1>
      <section class="card" aria-labelledby="size-h">
        <h2 id="size-h">${fileName}</h2>
        <p class="flash error" role="alert">${t("import-too-many-tasks", { tasks, limit })}</p>
        <form method="post" action="/import/${id}/preview">
          ${csrf(c)}
          <button type="submit">${t("btn-import-tasks", { tasks })}</button>
          <a class="button secondary" href="/import">${t("web-import-cancel")}</a>
        </form>
      </section>`,
  );
}

/** The upload form's file and optional day of receipt, or what is wrong with them (the day typed kept). */
async function readUploadForm(
  c: Context<Env>,
): Promise<
  | { error: string; receivedText: string }
  | { fileName: string; bytes: Buffer; receivedText: string; receivedOn: string | undefined }
> {
  const t = c.get("t");
  const form = await c.req.parseBody();
  const file = form.file;
  const receivedText = field(form, "receivedOn", 100);
  if (!(file instanceof File) || file.size === 0) return { error: t("web-import-no-file"), receivedText };
  const fileName = displayFileName(file.name);
  if (!isPlanFileName(fileName))
    return { error: t("import-unsupported", { file: fileName, extensions }), receivedText };
  // Optional: left empty, the document is read without it (and asks for it when it counts from it).
  const receipt = receivedText === "" ? null : readReceiptField(t, receivedText, c.get("today"));
  if (receipt && "error" in receipt) return { error: receipt.error, receivedText };
  return { fileName, bytes: Buffer.from(await file.arrayBuffer()), receivedText, receivedOn: receipt?.day };
}

/** The request importPlanFile gets for a held upload: the file must still hash the same. */
function heldUploadRequest(now: () => Date, reader: PlanReader) {
  return (viewer: Viewer, upload: PendingUpload): Omit<PlanFileRequest, "mode"> => ({
    fileName: upload.fileName,
    bytes: upload.bytes,
    organizationSlug: viewer.organizationSlug,
    expectedSha256: upload.sha256,
    now: now(),
    reader,
    ...(upload.largePlan ? { maxTasks: upload.largePlan.tasks } : {}),
    ...(upload.receivedOn ? { receivedOn: upload.receivedOn } : {}),
  });
}

export function importRoutes(
  deps: {
    db: Database;
    now: () => Date;
    scheduleSlots?: (slots: SendSlot[]) => Promise<void>;
    /** How an uploaded plan is read: a child process with limits (readPlanFile) unless a test says otherwise. */
    planReader?: PlanReader;
  },
  render: PageRender = signedInRender,
): SubjectRoutes {
  const app = new Hono<WebEnv>();
  const pending = createPendingUploads(deps.db);
  const reader = deps.planReader ?? readPlanFile;
  const uploadForm = (c: Context<Env>, error?: string, receivedText?: string) =>
    uploadFormPage(render, c, error, receivedText);
  const previewPage = previewPageOf(render, deps.db);
  const requestFor = heldUploadRequest(deps.now, reader);

  app.get("/import", (c) => (capabilitiesOf(c.get("viewer")).coordinate ? uploadForm(c) : render.notFound(c)));

  app.post("/import", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    if (!capabilitiesOf(viewer).coordinate) return render.notFound(c);
    const upload = await readUploadForm(c);
    if ("error" in upload) return uploadForm(c, upload.error, upload.receivedText);
    const { fileName, bytes, receivedText, receivedOn } = upload;
    try {
      const result = await importPlanFile(deps.db, viewer, {
        fileName,
        bytes,
        mode: "preview",
        organizationSlug: viewer.organizationSlug,
        now: deps.now(),
        reader,
        ...(receivedOn ? { receivedOn } : {}),
      });
      // A day before the document's own date, or one not come: said naming the field, the form kept.
      if (isRefused(result) && result.reason) return uploadForm(c, refusalText(t, result), receivedText);
      if (result.kind === "too-many-tasks") {
        const id = await pending.hold(
          {
            personId: viewer.personId,
            organizationId: viewer.organizationId,
            fileName,
            bytes,
            sha256: result.fileSha256,
            largePlan: { tasks: result.tasks, confirmed: false },
            receivedOn,
          },
          deps.now(),
        );
        return countQuestionPage(render, c, { id, fileName, tasks: result.tasks, limit: result.limit });
      }
      if (result.kind !== "previewed") return render.notFound(c);
      const held = { personId: viewer.personId, organizationId: viewer.organizationId, fileName, bytes, receivedOn };
      const id = await pending.hold({ ...held, sha256: result.fileSha256 }, deps.now());
      return previewPage(c, id, fileName, result.draft, result.summary);
    } catch (error) {
      if (error instanceof ImportError) return uploadForm(c, t("import-failed", { error: error.message }));
      throw error;
    }
  });

  app.post("/import/:id/preview", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const id = c.req.param("id");
    const upload = await pending.peek(id, viewer.personId, deps.now());
    if (!upload?.largePlan || !capabilitiesOf(viewer).coordinate) return render.notFound(c);
    try {
      const result = await importPlanFile(deps.db, viewer, { ...requestFor(viewer, upload), mode: "preview" });
      if (result.kind !== "previewed") return render.notFound(c);
      await pending.confirmLargePlan(id, viewer.personId);
      return previewPage(c, id, upload.fileName, result.draft, result.summary);
    } catch (error) {
      if (error instanceof ImportError) return uploadForm(c, t("import-failed", { error: error.message }));
      throw error;
    }
  });

  app.post("/import/:id", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    const upload = await pending.take(c.req.param("id"), viewer.personId, deps.now());
    if (!upload || !capabilitiesOf(viewer).coordinate) return render.notFound(c);
    // A large plan's count must have been confirmed on its own page first; otherwise the usual limit holds.
    const request = requestFor(viewer, upload);
    if (!upload.largePlan?.confirmed) delete request.maxTasks;
    try {
      const result = await importPlanFile(deps.db, viewer, { ...request, mode: "apply" });
      if (result.kind === "too-many-tasks")
        return uploadForm(c, t("import-too-many-tasks", { tasks: result.tasks, limit: result.limit }));
      if (result.kind !== "applied") return render.notFound(c);
      await deps.scheduleSlots?.(result.slots);
      return render.page(
        c,
        200,
        t("web-import-title"),
        html`<h1>${t("web-import-title")}</h1>
          <p class="flash ok" role="status">
            ${t("import-applied", { tasks: result.summary.tasks, milestones: result.summary.milestones })}
          </p>
          <p><a href="/plan">${t("web-nav-plan")}</a></p>`,
      );
    } catch (error) {
      if (error instanceof ImportError) return uploadForm(c, t("import-failed", { error: error.message }));
      throw error;
    }
  });
  aliasRoute(
    app,
    deps,
    pending,
    (c, viewer, upload) => importPlanFile(deps.db, viewer, { ...requestFor(viewer, upload), mode: "preview" }),
    previewPage,
  );
  return { routes: app, uploads: [{ method: "POST", path: "/import", maxSize: UPLOAD_LIMIT_BYTES }] };
}

type PreviewPage = (
  c: Context<Env>,
  id: string,
  fileName: string,
  draft: PlanDraft,
  summary: ImportSummary,
  notice?: string,
) => Promise<Response>;

/** The preview with the organization's units, for the likely-spelling suggestions. */
function previewPageOf(render: PageRender, db: Database): PreviewPage {
  return async (c, id, fileName, draft, summary, notice) => {
    const choices = await unitChoices(db, c.get("viewer"), c.get("viewer").organizationId);
    const known = choices.kind === "ok" ? choices.units : [];
    return importPreviewPage(render, c, { id, fileName, draft, summary, known, notice });
  };
}

/**
 * One press on the preview: "this new name is that unit". The name becomes
 * the unit's alias and the held file is previewed again, the name now
 * resolved; nothing of the plan is stored before the confirmation.
 */
function aliasRoute(
  app: Hono<Env>,
  deps: { db: Database; now: () => Date },
  pending: PendingUploads,
  preview: (c: Context<Env>, viewer: Viewer, upload: PendingUpload) => ReturnType<typeof importPlanFile>,
  previewPage: PreviewPage,
): void {
  app.post("/import/:id/alias", async (c) => {
    const viewer = c.get("viewer");
    const id = c.req.param("id");
    const upload = await pending.peek(id, viewer.personId, deps.now());
    const form = await c.req.parseBody();
    const name = typeof form.name === "string" ? form.name.slice(0, 300) : "";
    const into = typeof form.into === "string" ? form.into : "";
    if (!upload || !capabilitiesOf(viewer).coordinate) return c.notFound();
    const aliased = await aliasNameToUnit(deps.db, viewer, name, into);
    if (aliased.kind !== "ok") return c.notFound();
    const result = await preview(c, viewer, upload);
    if (result.kind !== "previewed") return c.notFound();
    const notice = c.get("t")("web-import-merged", { name, unit: aliased.into });
    return previewPage(c, id, upload.fileName, result.draft, result.summary, notice);
  });
}
