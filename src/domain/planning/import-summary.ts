/**
 * What importing a plan did (or would do): the shapes the services return and
 * every front end words (src/i18n reads them, so they live in the domain).
 */

export interface DeadlineMove {
  task: string;
  from: string[];
  to: string[];
}

/** The per-plan half of an import summary: counts and what changed since the last import. */
export interface RevisionSummary {
  tasks: number;
  milestones: number;
  /** Tasks whose deadline needs a date or a review by the coordinator. */
  needsDate: number;
  /** Tasks that have no lead unit. */
  unassigned: number;
  /** Of those, tasks with a lead proposed from the plan's text, waiting for confirmation. */
  proposedLeads: number;
  rowsWithWarnings: number;
  added: string[];
  removed: string[];
  deadlineMoved: DeadlineMove[];
  /** Tasks whose title, units or product changed, deadline aside. */
  changed: string[];
}

/** A whole import: the plan's revision summary, and the organization, plan and units it created or found. */
export interface ImportSummary extends RevisionSummary {
  organizationId: string;
  organizationCreated: boolean;
  planId: string;
  planCreated: boolean;
  /** Names in lead or support cells that matched no unit and became new units. */
  newUnits: string[];
}
