/**
 * Every kind of send, the one list: the database enum (db/schema.ts), the
 * planner's and the messages' types derive from it, and the words for each
 * kind are the `send-kind` and `reminder-line` selectors of the locale files.
 * Adding a kind: this list, both locale files, a migration.
 */
export const MILESTONE_SEND_KINDS = ["start", "reminder", "due", "overdue", "escalation", "checkin"] as const;

/** The weekly sends about the whole organization rather than one milestone. */
export const WEEKLY_SEND_KINDS = ["digest", "needs-date"] as const;

export const SEND_KINDS = [...MILESTONE_SEND_KINDS, ...WEEKLY_SEND_KINDS] as const;

/** What a send about one milestone says: a window opening, a reminder, the due day, overdue notices, check-ins. */
export type MilestoneSendKind = (typeof MILESTONE_SEND_KINDS)[number];
export type WeeklySendKind = (typeof WEEKLY_SEND_KINDS)[number];
export type SendKind = (typeof SEND_KINDS)[number];

/** Sends that tell people work is late, and so say by how many days. */
export function saysHowLate(kind: SendKind): boolean {
  return kind === "overdue" || kind === "escalation";
}
