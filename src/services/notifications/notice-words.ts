/**
 * The words of each event's notice, in the reader's language (the locale
 * files): one place, so the chat, Zalo and the web tell a decision the same
 * way. `facts` are what the notifications service read from the database.
 */
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import type { Addressee, DomainEvent, OrganizationMember } from "../../domain/notifications/index.js";
import type { Translator } from "../../i18n/i18n.js";
import type { Notice } from "../delivery/notices.js";
import type { MilestoneView } from "../milestones/milestone-view.js";
import { taskNumber } from "../reminders/compose-message.js";

export interface EventFacts {
  milestone: MilestoneView | null;
  /** The person the event is about (the requester, the one who joined), by name. */
  subjectName: string;
  /** The requester's unit when the milestone has no lead unit, else the organization's name. */
  subjectUnit: string;
  /** Names of the units the event names, by id. */
  unitNames: Map<string, string>;
  taskTitle: string;
  /** The plan or directive an applied import wrote, by title. */
  planTitle?: string;
  /** The organization of the event's task: the commune, for a province's task it reported on. */
  taskOrganizationName?: string;
  /** "Thông báo số 25/TB-UBND …": the document the event's task came from; null for the annual plan. */
  source?: string | null;
}

type T = Translator["t"];

const titleOf = (m: MilestoneView) => (m.label ? `${m.title} (${m.label})` : m.title);
const dueText = (t: T, due: string | null) => (due ? formatVietnameseDate(due) : t("due-none"));

function requestWords(t: T, event: DomainEvent, facts: EventFacts): Notice {
  const m = facts.milestone as MilestoneView;
  const common = {
    person: facts.subjectName,
    unit: m.leadUnitNames.join(", ") || facts.subjectUnit,
    number: taskNumber(m.section, m.stt),
    title: titleOf(m),
    due: dueText(t, m.due),
  };
  if (event.type === "completion.requested") {
    return {
      text: t("approval-completion-request", {
        ...common,
        submitted: formatVietnameseDate(event.submittedOn),
        evidence: m.evidenceCount,
      }),
      buttons: [
        [
          { text: t("btn-approve"), action: { verb: "approve", requestId: event.requestId } },
          { text: t("btn-return"), action: { verb: "return", requestId: event.requestId } },
        ],
      ],
    };
  }
  if (event.type !== "extension.requested") throw new Error(`not a request: ${event.type}`);
  return {
    text: t("approval-extension-request", {
      ...common,
      date: formatVietnameseDate(event.requestedDue),
      reason: event.reason,
    }),
    buttons: [
      [
        { text: t("btn-grant"), action: { verb: "grant", requestId: event.requestId } },
        { text: t("btn-deny"), action: { verb: "deny", requestId: event.requestId } },
      ],
    ],
  };
}

function decisionText(t: T, event: DomainEvent, facts: EventFacts): string {
  const title = titleOf(facts.milestone as MilestoneView);
  if (event.type === "completion.decided") {
    return event.decision === "approve"
      ? t("notify-completion-approved", { title })
      : t("notify-completion-returned", { title, comment: event.comment ?? "" });
  }
  if (event.type !== "extension.decided") throw new Error(`not a decision: ${event.type}`);
  return event.decision === "grant"
    ? t("notify-extension-granted", { title, date: formatVietnameseDate(event.requestedDue) })
    : t("notify-extension-denied", { title, due: dueText(t, event.dueBefore) });
}

function leadText(t: T, event: DomainEvent, facts: EventFacts, addressee: Addressee, member: OrganizationMember) {
  if (event.type !== "lead.changed") throw new Error(`not a lead change: ${event.type}`);
  const unit = facts.unitNames.get(event.unitId) ?? "";
  if (addressee.variant === "lead-gained") {
    return t("notify-lead-gained", { unit, title: facts.taskTitle, due: dueText(t, event.due) });
  }
  const old = member.roles.find((r) => r.unitId !== null && event.previousUnitIds.includes(r.unitId))?.unitId;
  return t("notify-lead-lost", { unit, title: facts.taskTitle, old: (old && facts.unitNames.get(old)) ?? "" });
}

/** The notice `addressee` (one of the organization's `member`s) gets for `event`, in `translator`'s words. */
export function noticeOf(
  translator: Translator,
  event: DomainEvent,
  facts: EventFacts,
  addressee: Addressee,
  member: OrganizationMember,
): Notice {
  const words = noticeWords(translator, event, facts, addressee, member);
  // A coordinator standing in for a unit nobody can reach reads the unit's notice under a line saying so.
  const notice = addressee.standsInFor
    ? {
        ...words,
        text: `${translator.t("notify-stand-in", { unit: facts.unitNames.get(addressee.standsInFor) ?? "" })}\n${words.text}`,
      }
    : words;
  // A task from a notice or a letter says which one, as its reminders do.
  if (!facts.source) return notice;
  return { ...notice, text: `${notice.text}\n${translator.t("reminder-source", { source: facts.source })}` };
}

function noticeWords(
  translator: Translator,
  event: DomainEvent,
  facts: EventFacts,
  addressee: Addressee,
  member: OrganizationMember,
): Notice {
  const { t } = translator;
  switch (event.type) {
    case "completion.requested":
    case "extension.requested":
      return requestWords(t, event, facts);
    case "completion.decided":
    case "extension.decided":
      return { text: decisionText(t, event, facts), buttons: [] };
    case "lead.changed":
      return { text: leadText(t, event, facts, addressee, member), buttons: [] };
    case "province.task-assigned":
      return {
        text: t("notify-province-task-assigned", { title: facts.taskTitle, due: dueText(t, event.due) }),
        buttons: [],
      };
    case "province.task-reported":
      return {
        text: t("notify-province-task-reported", {
          commune: facts.taskOrganizationName ?? "",
          title: facts.taskTitle,
          outcome: event.outcome,
          due: dueText(t, event.due),
        }),
        buttons: [],
      };
    case "person.joined":
      return {
        text: t("invite-joined", {
          name: facts.subjectName,
          role: t("role-name", { role: event.role }),
          unit: event.unitId ? t("unit-suffix", { unit: facts.unitNames.get(event.unitId) ?? "" }) : "",
        }),
        buttons: [],
      };
    case "deadline.moved": {
      const m = facts.milestone as MilestoneView;
      return {
        text: t("notify-deadline-moved", {
          number: taskNumber(m.section, m.stt),
          title: titleOf(m),
          unit: m.leadUnitNames.join(", "),
          from: dueText(t, event.from),
          to: formatVietnameseDate(event.to),
        }),
        buttons: [],
      };
    }
    case "person.unreachable":
      return {
        text: t(event.channel === "email" ? "unreachable-person-email" : "unreachable-person", {
          name: facts.subjectName,
        }),
        buttons: [],
      };
    case "plan.applied":
      return {
        text: t("notify-plan-applied", {
          person: event.byPersonId ? facts.subjectName : t("notify-plan-applied-by-system"),
          created: event.created ? "yes" : "no",
          title: facts.planTitle ?? "",
          tasks: event.tasks,
          added: event.added,
          removed: event.removed,
          moved: event.deadlinesMoved,
        }),
        buttons: [],
      };
  }
}
