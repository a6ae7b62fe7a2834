/**
 * The states a milestone is stored in, and the moves between them. "Overdue"
 * is not one of them: it depends on the day you look, so it is computed
 * (see lateness.ts) and never stored, which would go stale the next morning
 * and disagree with an extension that moved the due day.
 */
export const MILESTONE_STATES = ["open", "in_progress", "submitted", "done", "cancelled"] as const;

export type MilestoneState = (typeof MILESTONE_STATES)[number];

/**
 * Who moves a milestone where: progress reports start the work, a completion
 * report waits for approval (or closes it when a coordinator reports it), a
 * returned completion goes back to work, a task removed from the plan is
 * cancelled and comes back open when a later version of the plan has it again.
 */
export const MILESTONE_TRANSITIONS: Readonly<Record<MilestoneState, readonly MilestoneState[]>> = {
  open: ["in_progress", "submitted", "done", "cancelled"],
  in_progress: ["submitted", "done", "cancelled"],
  submitted: ["done", "in_progress", "cancelled"],
  done: [],
  cancelled: ["open"],
};

/** A move the rules above do not allow: a programming error or a race the caller lost. */
export class IllegalTransitionError extends Error {
  override readonly name = "IllegalTransitionError";
  constructor(
    readonly from: MilestoneState,
    readonly to: MilestoneState,
  ) {
    super(`a milestone cannot go from "${from}" to "${to}"`);
  }
}

/** Whether a milestone may go from one state to another. */
export function canTransition(from: MilestoneState, to: MilestoneState): boolean {
  return MILESTONE_TRANSITIONS[from].includes(to);
}

/** The state `to`, or an IllegalTransitionError when the rules forbid the move. */
export function transition(from: MilestoneState, to: MilestoneState): MilestoneState {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
  return to;
}

/** Done and cancelled milestones take no more work, reports or extensions. */
export function isClosed(state: MilestoneState): boolean {
  return state === "done" || state === "cancelled";
}

/** Open and in-progress milestones are chased by reminders; submitted ones wait for the coordinators. */
export const CHASED_STATES = ["open", "in_progress"] as const satisfies readonly MilestoneState[];

export function isChased(state: MilestoneState): boolean {
  return (CHASED_STATES as readonly MilestoneState[]).includes(state);
}
