/**
 * Uploading a plan on the web: the file is read and the import previewed
 * (the real import, rolled back); nothing is stored until the coordinator
 * confirms. Between the two steps the file waits in memory, bound to the
 * person, for half an hour.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { DateTime } from "luxon";
import type { Database } from "../../db/client.js";
import { canCoordinate } from "../domain/milestones/index.js";
import { ImportError, MissingPlanYearError } from "../import/import-error.js";
import type { PlanDraft } from "../import/plan-draft.js";
import type { Translator } from "../i18n/i18n.js";
import { importPreviewLines } from "../i18n/import-preview.js";
import { type ImportSummary, importPlan } from "../services/import-plan.js";
import { previewImport } from "../services/import-preview.js";
import { type PlanReader, readPlanHere } from "../services/plans/import-plan-file.js";
import type { Viewer } from "../services/people/viewer.js";
import { type SendSlot, syncReminders } from "../services/reminders/sync-reminders.js";
import { type Html, html } from "./html.js";

const PLAN_EXTENSIONS = /\.(docx|xlsx|csv|pdf|txt)$/i;
/** As large as a plan file the chat accepts (Telegram's download limit). */
const MAX_PLAN_BYTES = 20 * 1024 * 1024;
const PENDING_TTL_MS = 30 * 60 * 1000;

interface PendingUpload {
  personId: string;
  fileName: string;
  bytes: Buffer;
  sha256: string;
  expiresAt: number;
}

/** Reads a plan; a plan whose title gives no year is read as this year's (as in the chat). */
async function draftOf(fileName: string, bytes: Buffer, today: string, reader: PlanReader): Promise<PlanDraft> {
  try {
    return await reader(fileName, bytes, {});
  } catch (error) {
    if (error instanceof MissingPlanYearError) return reader(fileName, bytes, { year: DateTime.fromISO(today).year });
    throw error;
  }
}

/** The preview in the chat's words (the same locale keys), one list item per line. */
function previewLines(t: Translator["t"], draft: PlanDraft, summary: ImportSummary): string[] {
  // The chat's lines are bullets, some spanning several lines: one list item each here.
  return importPreviewLines(t, draft, summary, { listLimit: 12, maxMoves: Number.POSITIVE_INFINITY })
    .flatMap((line) => line.split("\n"))
    .map((line) => line.replace(/^•\s*/, ""));
}

type Env = { Variables: { viewer: Viewer; csrfToken: string; t: Translator["t"]; lang: string; today: string } };

export function registerImportRoutes(
  app: Hono<Env>,
  deps: {
    db: Database;
    now: () => Date;
    scheduleSlots?: (slots: SendSlot[]) => Promise<void>;
    planReader?: PlanReader;
  },
  render: {
    page: (c: Context<Env>, status: number, title: string, body: Html) => Response | Promise<Response>;
    notFound: (c: Context<Env>) => Response | Promise<Response>;
  },
): void {
  const pending = new Map<string, PendingUpload>();
  const sweep = (now: number) => {
    for (const [id, upload] of pending) if (upload.expiresAt <= now) pending.delete(id);
  };
  const csrf = (c: Context<Env>) => html`<input type="hidden" name="_csrf" value="${c.get("csrfToken")}" />`;
  const uploadForm = (c: Context<Env>, error?: string) => {
    const t = c.get("t");
    return render.page(
      c,
      error ? 422 : 200,
      t("web-import-title"),
      html`<h1>${t("web-import-title")}</h1>
        ${error ? html`<p class="flash error" role="alert">${error}</p>` : null}
        <form class="card" method="post" action="/import" enctype="multipart/form-data">
          ${csrf(c)}
          <label for="plan-file">${t("web-import-file")}</label>
          <input id="plan-file" type="file" name="file" accept=".docx,.xlsx,.csv,.pdf,.txt" required />
          <p><button type="submit">${t("web-import-preview")}</button></p>
        </form>`,
    );
  };

  app.get("/import", (c) => (canCoordinate(c.get("viewer")) ? uploadForm(c) : render.notFound(c)));

  app.post("/import", bodyLimit({ maxSize: MAX_PLAN_BYTES + 64 * 1024 }), async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    if (!canCoordinate(viewer)) return render.notFound(c);
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File) || file.size === 0) return uploadForm(c, t("web-import-no-file"));
    if (!PLAN_EXTENSIONS.test(file.name)) return uploadForm(c, t("import-unsupported", { file: file.name }));
    const bytes = Buffer.from(await file.arrayBuffer());
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    let draft: PlanDraft;
    let summary: ImportSummary;
    try {
      draft = await draftOf(file.name, bytes, c.get("today"), deps.planReader ?? readPlanHere);
      summary = await previewImport(deps.db, draft, {
        organizationSlug: viewer.organizationSlug,
        fileName: file.name,
        fileSha256: sha256,
      });
    } catch (error) {
      if (error instanceof ImportError) return uploadForm(c, t("import-failed", { error: error.message }));
      throw error;
    }
    const now = deps.now().getTime();
    sweep(now);
    const id = randomBytes(16).toString("hex");
    pending.set(id, { personId: viewer.personId, fileName: file.name, bytes, sha256, expiresAt: now + PENDING_TTL_MS });
    return render.page(
      c,
      200,
      t("web-import-title"),
      html`<h1>${t("web-import-title")}</h1>
        <section class="card" aria-labelledby="preview-h">
          <h2 id="preview-h">${file.name}</h2>
          <ul class="import-preview">
            ${previewLines(t, draft, summary).map((line) => html`<li>${line}</li>`)}
          </ul>
          <p>${t("import-confirm-question")}</p>
          <form method="post" action="/import/${id}">
            ${csrf(c)}
            <button type="submit">${t("web-import-confirm")}</button>
            <a class="button secondary" href="/import">${t("web-import-cancel")}</a>
          </form>
        </section>`,
    );
  });

  app.post("/import/:id", async (c) => {
    const t = c.get("t");
    const viewer = c.get("viewer");
    sweep(deps.now().getTime());
    const upload = pending.get(c.req.param("id"));
    if (!upload || upload.personId !== viewer.personId || !canCoordinate(viewer)) return render.notFound(c);
    pending.delete(c.req.param("id"));
    try {
      const draft = await draftOf(upload.fileName, upload.bytes, c.get("today"), deps.planReader ?? readPlanHere);
      const summary = await importPlan(deps.db, draft, {
        organizationSlug: viewer.organizationSlug,
        fileName: upload.fileName,
        fileSha256: upload.sha256,
      });
      const slots = await syncReminders(deps.db, summary.organizationId, deps.now());
      await deps.scheduleSlots?.(slots);
      return render.page(
        c,
        200,
        t("web-import-title"),
        html`<h1>${t("web-import-title")}</h1>
          <p class="flash ok" role="status">
            ${t("import-applied", { tasks: summary.tasks, milestones: summary.milestones })}
          </p>
          <p><a href="/plan">${t("web-nav-plan")}</a></p>`,
      );
    } catch (error) {
      if (error instanceof ImportError) return uploadForm(c, t("import-failed", { error: error.message }));
      throw error;
    }
  });
}
