/**
 * The most tasks a plan may have before the front ends ask once more. A
 * commune's yearly plan has tens to a few hundred; thousands mean a misread
 * file (every line of a report taken as a task) more often than a real plan.
 * The CLI's --max-tasks, and a count confirmed in the chat or on the web, raise it.
 * (A module of its own so the CLI's usage text names it without loading the database.)
 */
export const MAX_PLAN_TASKS = 2_000;
