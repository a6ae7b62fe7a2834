/**
 * A task's title as people read it: the plan's leading bullet ("- ", "+ ",
 * "• ", "– ", "* ") and stray spacing go, since the table's row already marks
 * the item. The stored title keeps the plan's text; every front end (web, chat,
 * reminders, reports) shows this one.
 */
export function displayTitle(title: string): string {
  const trimmed = title.replace(/\s+/g, " ").trim();
  // A dash or plus only counts as a bullet when a space follows: "-5%" or "+1" stay as written.
  const stripped = trimmed.replace(/^(?:(?:[-+*–—]\s+|[•●◦▪■□·∙]\s*))+/u, "").trim();
  return stripped === "" ? trimmed : stripped;
}
