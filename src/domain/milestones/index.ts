export {
  daysOverdue,
  effectiveState,
  type MilestoneProgress,
  type MilestoneState,
  type ProgressColour,
  progressColour,
} from "./progress-colour.js";
export {
  type Actor,
  canActOnMilestone,
  canApproveCompletion,
  canCoordinate,
  canDecideExtension,
  canInvite,
  type MilestoneOwnership,
  type Role,
  seesWholeOrganization,
  unitsOf,
} from "./permissions.js";
export { productIsDocument } from "./product-kind.js";
