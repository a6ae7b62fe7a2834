export {
  colourOf,
  daysOverdue,
  effectiveState,
  markOf,
  type MilestoneProgress,
  type ProgressColour,
  progressColour,
  type ProgressMark,
  type ShownState,
  type ShownStatus,
  shownStatus,
  shownStatusOf,
} from "./progress-colour.js";
export { isLate, type Lateness, type LatenessInput, type LatenessStatus, lateness } from "./lateness.js";
export {
  canTransition,
  CHASED_STATES,
  IllegalTransitionError,
  isChased,
  isClosed,
  MILESTONE_STATES,
  MILESTONE_TRANSITIONS,
  type MilestoneState,
  transition,
} from "./states.js";
export {
  type Actor,
  belongsToUnit,
  canActOnMilestone,
  canApproveCompletion,
  canCoordinate,
  canDecideExtension,
  canInvite,
  canReadOrganization,
  type MilestoneOwnership,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  oversees,
  ROLES,
  type Role,
  seesWholeOrganization,
  unitsOf,
} from "./permissions.js";
export { productIsDocument } from "./product-kind.js";
export { countedUnits } from "./counted-units.js";
export { displayTitle } from "./display-title.js";
export { groupByTask, STATE_URGENCY, urgencyRank } from "./group-by-task.js";
