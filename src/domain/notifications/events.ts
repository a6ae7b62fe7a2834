/**
 * What happened, as the use cases record it in the outbox with their change.
 * Each event carries ids and the facts of the moment (a comment, a date); the
 * notifications service reads names and titles when it words the notice, so
 * an event recorded in the chat, on Zalo or on the web is the same row.
 */
import type { IsoDate } from "../calendar/index.js";
import type { Role } from "../milestones/index.js";

export interface CompletionRequested {
  type: "completion.requested";
  requestId: string;
  milestoneId: string;
  requesterPersonId: string;
  /** The office's day the work was reported done. */
  submittedOn: IsoDate;
}

export interface ExtensionRequested {
  type: "extension.requested";
  requestId: string;
  milestoneId: string;
  requesterPersonId: string;
  requestedDue: IsoDate;
  reason: string;
}

export interface CompletionDecided {
  type: "completion.decided";
  requestId: string;
  milestoneId: string;
  requesterPersonId: string;
  deciderPersonId: string;
  decision: "approve" | "return";
  comment: string | null;
}

export interface ExtensionDecided {
  type: "extension.decided";
  requestId: string;
  milestoneId: string;
  requesterPersonId: string;
  deciderPersonId: string;
  decision: "grant" | "deny";
  requestedDue: IsoDate;
  /** The due day the milestone keeps when refused (null: it had none). */
  dueBefore: IsoDate | null;
}

export interface LeadChanged {
  type: "lead.changed";
  taskId: string;
  byPersonId: string;
  unitId: string;
  previousUnitIds: string[];
  /** The task's first milestone's due day, for the words ("hạn …"). */
  due: IsoDate | null;
}

export interface PersonJoined {
  type: "person.joined";
  personId: string;
  role: Role;
  unitId: string | null;
  invitedByPersonId: string | null;
}

/** A milestone's due day changed (a date set in review, an extension granted, a move in the chat or on the web). */
export interface DeadlineMoved {
  type: "deadline.moved";
  milestoneId: string;
  /** Who moved it; null for the system. */
  byPersonId: string | null;
  /** The task's lead units when it moved: their people must hear. */
  unitIds: string[];
  from: IsoDate | null;
  to: IsoDate;
  /** Someone told of this move already by another event (the requester of a granted extension). */
  alreadyToldPersonId: string | null;
}

/** An imported plan (or directive) was applied: its tasks, units and deadlines written. */
export interface PlanApplied {
  type: "plan.applied";
  planId: string;
  /** Who applied it; null for the operator or the system. */
  byPersonId: string | null;
  created: boolean;
  tasks: number;
  added: number;
  removed: number;
  deadlinesMoved: number;
}

/**
 * A channel refused a person for good (a mailbox that bounces) and they have
 * no channel left: the coordinators must call them instead.
 */
export interface PersonUnreachable {
  type: "person.unreachable";
  personId: string;
  /** The channel that refused last: a mailbox that bounces is told in other words than a blocked bot. */
  channel: "telegram" | "zalo" | "email";
}

/**
 * A province's task reached a commune as its own task (recorded in the commune's outbox): the
 * commune's coordinators hear it and choose the lead unit.
 */
export interface ProvinceTaskAssigned {
  type: "province.task-assigned";
  /** The commune's copy. */
  taskId: string;
  sourceTaskId: string;
  byPersonId: string | null;
  due: IsoDate | null;
}

/**
 * A commune decided on its copy of a province task (recorded in the province's outbox): the
 * province's leaders, reviewers and coordinators hear it.
 */
export interface ProvinceTaskReported {
  type: "province.task-reported";
  communeOrganizationId: string;
  communeTaskId: string;
  sourceTaskId: string;
  outcome: "completed" | "extended";
  /** The new due day, for an extension. */
  due: IsoDate | null;
}

export type DomainEvent =
  | CompletionRequested
  | ExtensionRequested
  | CompletionDecided
  | ExtensionDecided
  | LeadChanged
  | PersonJoined
  | DeadlineMoved
  | PlanApplied
  | PersonUnreachable
  | ProvinceTaskAssigned
  | ProvinceTaskReported;

export type DomainEventType = DomainEvent["type"];

export const DOMAIN_EVENT_TYPES: readonly DomainEventType[] = [
  "completion.requested",
  "extension.requested",
  "completion.decided",
  "extension.decided",
  "lead.changed",
  "person.joined",
  "deadline.moved",
  "plan.applied",
  "person.unreachable",
  "province.task-assigned",
  "province.task-reported",
];

export function isDomainEventType(value: string): value is DomainEventType {
  return (DOMAIN_EVENT_TYPES as readonly string[]).includes(value);
}
