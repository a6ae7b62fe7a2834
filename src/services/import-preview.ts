import type { Database } from "../../db/client.js";
import type { PlanDraft } from "../import/plan-draft.js";
import { type ImportSummary, type ImportTarget, importPlan } from "./import-plan.js";

class PreviewDone extends Error {
  constructor(readonly summary: ImportSummary) {
    super("preview rolled back");
  }
}

/**
 * What importing `draft` would do (new plan, or the changes to the stored
 * one), computed by the real import inside a transaction that is rolled
 * back: the preview can never disagree with the import it announces.
 */
export async function previewImport(db: Database, draft: PlanDraft, target: ImportTarget): Promise<ImportSummary> {
  try {
    await db.transaction(async (tx) => {
      throw new PreviewDone(await importPlan(tx, draft, target));
    });
  } catch (error) {
    if (error instanceof PreviewDone) return error.summary;
    throw error;
  }
  throw new Error("unreachable: the preview transaction always rolls back");
}
