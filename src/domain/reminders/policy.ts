import { z } from "zod";

/**
 * When and to whom reminders go: the product's defaults, which an organization
 * may override field by field (organizations.reminder_policy).
 */
export const reminderPolicySchema = z.object({
  /** Local time of every send, "HH:MM", in the organization's time zone (organizations.time_zone). */
  sendTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** A notice on the first working day of a window ("Quý III" opens on 01/07). */
  startNotice: z.boolean(),
  /** Working days before due that get a reminder. */
  workingDaysBefore: z.array(z.number().int().min(1).max(60)),
  /** A send on the due day itself (the previous working day when due is not one). */
  onDueDay: z.boolean(),
  /** Working days after due of the first notice to the lead unit, the coordinators and the chairman. */
  overdueToUnitAfter: z.number().int().min(1).max(60),
  overdueToCoordinatorsAfter: z.number().int().min(1).max(60),
  overdueToChairmanAfter: z.number().int().min(1).max(60),
  /** Days between repeated overdue notices once the chairman has been told. */
  repeatOverdueEveryDays: z.number().int().min(1).max(90),
  /**
   * Repeated overdue notices go on until the milestone is done or moved; only
   * those within this many days of now are planned, and the reconciler plans
   * the next ones as time passes.
   */
  repeatPlanAheadDays: z.number().int().min(7).max(366),
  /** Day of month of the progress check-in of ongoing ("Thường xuyên") tasks. */
  checkinDayOfMonth: z.number().int().min(1).max(28),
  /**
   * Supporting ("phối hợp") units get the start notice and the last reminder before
   * due, so they are not first told of a task when it is already late.
   */
  remindSupportingUnits: z.boolean(),
  /** ISO weekday (1 = Monday) of the weekly digest and needs-date list; a day off moves them to the next working day. */
  weeklyDigestDay: z.number().int().min(1).max(6),
  /** Who gets the weekly digest: the chairman, the coordinators, or both. */
  weeklyDigestTo: z.array(z.enum(["chairman", "coordinators"])).min(1),
});

export type ReminderPolicy = z.infer<typeof reminderPolicySchema>;

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  sendTime: "08:00",
  startNotice: true,
  workingDaysBefore: [14, 7, 3, 1],
  onDueDay: true,
  overdueToUnitAfter: 1,
  overdueToCoordinatorsAfter: 3,
  overdueToChairmanAfter: 7,
  repeatOverdueEveryDays: 7,
  repeatPlanAheadDays: 28,
  checkinDayOfMonth: 25,
  remindSupportingUnits: true,
  weeklyDigestDay: 1,
  weeklyDigestTo: ["chairman"],
};

/** An organization's policy: its overrides on top of the defaults; throws a ZodError naming a bad field. */
export function resolveReminderPolicy(overrides: unknown): ReminderPolicy {
  if (overrides === null || overrides === undefined) return DEFAULT_REMINDER_POLICY;
  return reminderPolicySchema.parse({ ...DEFAULT_REMINDER_POLICY, ...overrides });
}
