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

/** To whom a send about one milestone went, as the reminder's audience says. */
export interface SendRecipient {
  /** The audience the send was meant for: the unit ("member", "unit_head"), the coordinators or the chairman. */
  audienceRole: "member" | "unit_head" | "coordinator" | "chairman";
  /** A coordinator receiving a unit's send because the unit has nobody reachable. */
  standsIn: boolean;
  /** The unit supports ("phối hợp") the task rather than leads it. */
  supporting: boolean;
}

/**
 * Whether a send reaches the people whose work it is, the lead unit's own:
 * only they get the buttons that finish it ("Đã hoàn thành", "Gửi minh
 * chứng"). The chairman and the coordinators follow up on an escalation, a
 * coordinator standing in invites someone, a supporting unit helps the lead:
 * their copy of the same send carries no button they would not use.
 */
export function reachesWorkOwner(recipient: SendRecipient): boolean {
  const unit = recipient.audienceRole === "member" || recipient.audienceRole === "unit_head";
  return unit && !recipient.standsIn && !recipient.supporting;
}

/** Sends that tell people work is late, and so say by how many days. */
export function saysHowLate(kind: SendKind): boolean {
  return kind === "overdue" || kind === "escalation";
}
