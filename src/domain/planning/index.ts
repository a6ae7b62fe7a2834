export {
  DEFAULT_TIME_ZONE,
  formatLocalDate,
  localDay,
  type OrganizationPlanningFields,
  type PlanningContext,
  planningContextOf,
  sendInstant,
} from "./planning-context.js";
export {
  currentAndNextWeeklySends,
  mondayOf,
  type WeeklySend,
  weeklySendDue,
  weeklySendOfWeek,
  weeklySendsBetween,
} from "./weekly-send.js";
export { type DocumentSource, documentSourceName, isAssigningDocument } from "./document-source.js";
export {
  buildRegister,
  documentMatches,
  parseRegisterQuery,
  type RegisterDocument,
  type RegisterDocumentInput,
  type RegisterFilters,
  type RegisterMilestone,
  type RegisterTask,
  type RegisterTaskInput,
  type TaskStanding,
  taskStanding,
} from "./register.js";
export type { DeadlineMove, ImportSummary, RevisionSummary } from "./import-summary.js";
