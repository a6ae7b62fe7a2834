export { type Audience, type PlannableMilestone, type PlannedSend, planReminders } from "./plan-reminders.js";
export {
  MILESTONE_SEND_KINDS,
  type MilestoneSendKind,
  reachesWorkOwner,
  saysHowLate,
  type SendRecipient,
  SEND_KINDS,
  type SendKind,
  WEEKLY_SEND_KINDS,
  type WeeklySendKind,
} from "./send-kinds.js";
export { DEFAULT_REMINDER_POLICY, type ReminderPolicy, reminderPolicySchema, resolveReminderPolicy } from "./policy.js";
export { buildDigest, type Digest, type DigestMilestone } from "./digest.js";
export { type UnitProgress, unitProgress } from "./unit-progress.js";
export { type DigestScope, weeklyDigestRoles } from "./digest-recipients.js";
