export {
  type Audience,
  type MilestoneState,
  type PlannableMilestone,
  type PlannedSend,
  planReminders,
  sendInstant,
  type SendKind,
} from "./plan-reminders.js";
export { DEFAULT_REMINDER_POLICY, type ReminderPolicy, reminderPolicySchema, resolveReminderPolicy } from "./policy.js";
export { buildDigest, type Digest, type DigestMilestone } from "./digest.js";
export { type UnitProgress, unitProgress } from "./unit-progress.js";
