/** What an import would do, in the locale's words: one definition for the chat and the web app. */
import { unitNameKey } from "../domain/units/index.js";
import type { PlanDraft } from "../import/plan-draft.js";
import type { ImportSummary } from "../services/import-plan.js";
import type { Translator } from "./i18n.js";

const list = (items: string[], limit: number) =>
  items.length <= limit ? items.join(", ") : `${items.slice(0, limit).join(", ")} …(+${items.length - limit})`;

/** One line per fact; a chat keeps lists short (`listLimit`, `maxMoves`), a page can show more. */
export function importPreviewLines(
  t: Translator["t"],
  draft: PlanDraft,
  summary: ImportSummary,
  options: { listLimit: number; maxMoves: number },
): string[] {
  const names = (items: string[]) => list(items, options.listLimit);
  const units = new Set(draft.tasks.flatMap((task) => [...task.lead, ...task.support]).map(unitNameKey));
  const lines = [
    t(summary.planCreated ? "import-preview-new" : "import-preview-update", {
      title: draft.plan.title,
      year: String(draft.plan.year),
    }),
    t("import-counts", {
      tasks: summary.tasks,
      milestones: summary.milestones,
      needsDate: summary.needsDate,
      units: units.size,
    }),
  ];
  if (summary.newUnits.length > 0) {
    lines.push(t("import-new-units", { count: summary.newUnits.length, names: names(summary.newUnits) }));
  }
  if (summary.unassigned > 0) lines.push(t("import-unassigned", { count: summary.unassigned }));
  if (summary.rowsWithWarnings > 0) lines.push(t("import-warnings", { count: summary.rowsWithWarnings }));
  if (!summary.planCreated) {
    const changes =
      summary.added.length + summary.removed.length + summary.deadlineMoved.length + summary.changed.length;
    if (changes === 0) lines.push(t("import-no-changes"));
    if (summary.added.length > 0) {
      lines.push(t("import-added", { count: summary.added.length, tasks: names(summary.added) }));
    }
    if (summary.removed.length > 0) {
      lines.push(t("import-removed", { count: summary.removed.length, tasks: names(summary.removed) }));
    }
    for (const move of summary.deadlineMoved.slice(0, options.maxMoves)) {
      lines.push(t("import-moved", { task: move.task, from: move.from.join("; "), to: move.to.join("; ") }));
    }
    if (summary.changed.length > 0) {
      lines.push(t("import-changed", { count: summary.changed.length, tasks: names(summary.changed) }));
    }
  }
  return lines;
}
