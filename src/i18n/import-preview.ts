/** What an import would do, in the locale's words: one definition for the chat and the web app. */
import { formatVietnameseDate } from "../domain/calendar/index.js";
import { awaitsReceipt } from "../domain/deadline/index.js";
import { documentSourceName, type ImportSummary } from "../domain/planning/index.js";
import { unitNameKey } from "../domain/units/index.js";
import type { DraftTask, PlanDraft } from "../import/plan-draft.js";
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
  const { plan } = draft;
  const source = documentSourceName({
    kind: plan.kind ?? null,
    number: plan.number ?? null,
    issuedOn: plan.issuedOn ?? null,
    issuer: plan.issuer,
  });
  const lines = [
    source === null
      ? t(summary.planCreated ? "import-preview-new" : "import-preview-update", {
          title: plan.title,
          year: String(plan.year),
        })
      : t(summary.planCreated ? "import-preview-document-new" : "import-preview-document-update", { source }),
    t("import-counts", {
      tasks: summary.tasks,
      milestones: summary.milestones,
      needsDate: summary.needsDate,
      units: units.size,
    }),
  ];
  // A document assigns a handful of tasks: each is shown, so its lead and deadline are checked before they are stored.
  if (source !== null) {
    if (plan.summary) lines.splice(1, 0, t("import-document-summary", { summary: plan.summary }));
    lines.push(...taskLines(t, draft.tasks, options.listLimit));
    const awaiting = draft.tasks.filter((task) => awaitsReceipt(task.schedule)).length;
    if (awaiting > 0) lines.push(t("import-needs-receipt", { count: awaiting }));
    if (plan.receivedOn) lines.push(t("import-received-on", { date: formatVietnameseDate(plan.receivedOn) }));
  }
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

const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** One line per task: what, who leads, by when, and what is missing for the coordinator to settle. */
function taskLines(t: Translator["t"], tasks: DraftTask[], limit: number): string[] {
  const lines = tasks.slice(0, limit).map((task, i) => {
    const lead = task.lead.length > 0 ? task.lead : task.proposedLead;
    const { schedule } = task;
    const needsDate = schedule.kind === "unscheduled" || schedule.needsReview;
    const dated = schedule.kind === "dated" && schedule.milestones.length === 1 && !needsDate;
    const deadline = dated
      ? formatVietnameseDate((schedule.milestones[0] as { due: string }).due)
      : task.deadlineTexts.join("; ") || "—";
    const gaps = [lead.length === 0 ? t("import-task-no-lead") : "", needsDate ? t("import-task-no-date") : ""];
    return [
      t("import-task-line", { index: i + 1, title: shorten(task.title, 140), lead: lead.join(", ") || "—", deadline }),
      ...gaps.filter((gap) => gap !== ""),
    ].join(" ");
  });
  if (tasks.length > limit) lines.push(t("import-tasks-more", { count: tasks.length - limit }));
  return lines;
}
