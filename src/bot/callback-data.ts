/**
 * Button payloads. They only ever carry ids; whatever they claim is checked
 * against the database before anything happens (a forged payload is refused).
 * Telegram caps callback data at 64 bytes: a verb and a uuid fit.
 */
import type { Role } from "../domain/milestones/index.js";

type MilestoneVerb = "done" | "evidence" | "progress" | "extend";
type RequestVerb = "approve" | "return" | "grant" | "deny";

/** One member per verb, so a handler of one verb gets exactly its payload's type. */
export type CallbackAction =
  | { [V in MilestoneVerb]: { verb: V; milestoneId: string } }[MilestoneVerb]
  | { verb: "pct"; milestoneId: string; percent: number }
  | { [V in RequestVerb]: { verb: V; requestId: string } }[RequestVerb]
  | { verb: "page"; list: "open" | "overdue"; page: number }
  | { verb: "lang"; locale: "vi" | "en" }
  | { verb: "invite-role"; role: Role }
  | { verb: "invite-unit"; role: Role; unitId: string }
  | { verb: "skip" }
  | { verb: "cancel" }
  | { verb: "import-confirm" }
  | { verb: "review-next"; index: number }
  | { verb: "review-date"; milestoneId: string }
  /** Units are named by the first 8 hex digits of their id: a task id and a whole unit id exceed 64 bytes. */
  | { verb: "review-lead"; taskId: string; unitPrefix: string }
  | { verb: "review-merge"; unitId: string; intoPrefix: string }
  | { verb: "review-keep"; unitId: string }
  | { verb: "review-seen"; taskId: string }
  | { verb: "person-deactivate"; personId: string; confirmed: boolean };

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const ROLES = new Set<Role>(["member", "unit_head", "coordinator", "chairman"]);

export function encodeCallback(action: CallbackAction): string {
  switch (action.verb) {
    case "done":
    case "evidence":
    case "progress":
    case "extend":
      return `${action.verb}:${action.milestoneId}`;
    case "pct":
      return `pct:${action.milestoneId}:${action.percent}`;
    case "approve":
    case "return":
    case "grant":
    case "deny":
      return `${action.verb}:${action.requestId}`;
    case "page":
      return `page:${action.list}:${action.page}`;
    case "lang":
      return `lang:${action.locale}`;
    case "invite-role":
      return `inv:${action.role}`;
    case "invite-unit":
      return `invu:${action.role}:${action.unitId}`;
    case "skip":
    case "cancel":
      return action.verb;
    case "import-confirm":
      return "imp:ok";
    case "review-next":
      return `rv:${action.index}`;
    case "review-date":
      return `rd:${action.milestoneId}`;
    case "review-lead":
      return `rl:${action.taskId}:${action.unitPrefix}`;
    case "review-merge":
      return `rm:${action.unitId}:${action.intoPrefix}`;
    case "review-keep":
      return `rk:${action.unitId}`;
    case "review-seen":
      return `rw:${action.taskId}`;
    case "person-deactivate":
      return `${action.confirmed ? "pdy" : "pd"}:${action.personId}`;
  }
}

/** The action a payload names, or null for anything malformed. */
export function decodeCallback(data: string): CallbackAction | null {
  let m = new RegExp(`^(done|evidence|progress|extend):(${UUID})$`).exec(data);
  if (m) return { verb: m[1] as MilestoneVerb, milestoneId: m[2] as string };
  m = new RegExp(`^pct:(${UUID}):(\\d{1,3})$`).exec(data);
  if (m && Number(m[2]) <= 100) return { verb: "pct", milestoneId: m[1] as string, percent: Number(m[2]) };
  m = new RegExp(`^(approve|return|grant|deny):(${UUID})$`).exec(data);
  if (m) return { verb: m[1] as RequestVerb, requestId: m[2] as string };
  m = /^page:(open|overdue):(\d{1,4})$/.exec(data);
  if (m) return { verb: "page", list: m[1] as "open", page: Number(m[2]) };
  m = /^lang:(vi|en)$/.exec(data);
  if (m) return { verb: "lang", locale: m[1] as "vi" };
  m = /^inv:(\w+)$/.exec(data);
  if (m && ROLES.has(m[1] as Role)) return { verb: "invite-role", role: m[1] as Role };
  m = new RegExp(`^invu:(\\w+):(${UUID})$`).exec(data);
  if (m && ROLES.has(m[1] as Role)) return { verb: "invite-unit", role: m[1] as Role, unitId: m[2] as string };
  if (data === "skip" || data === "cancel") return { verb: data };
  if (data === "imp:ok") return { verb: "import-confirm" };
  m = /^rv:(\d{1,4})$/.exec(data);
  if (m) return { verb: "review-next", index: Number(m[1]) };
  m = new RegExp(`^rd:(${UUID})$`).exec(data);
  if (m) return { verb: "review-date", milestoneId: m[1] as string };
  m = new RegExp(`^rl:(${UUID}):([0-9a-f]{8})$`).exec(data);
  if (m) return { verb: "review-lead", taskId: m[1] as string, unitPrefix: m[2] as string };
  m = new RegExp(`^rm:(${UUID}):([0-9a-f]{8})$`).exec(data);
  if (m) return { verb: "review-merge", unitId: m[1] as string, intoPrefix: m[2] as string };
  m = new RegExp(`^rk:(${UUID})$`).exec(data);
  if (m) return { verb: "review-keep", unitId: m[1] as string };
  m = new RegExp(`^rw:(${UUID})$`).exec(data);
  if (m) return { verb: "review-seen", taskId: m[1] as string };
  m = new RegExp(`^(pdy?):(${UUID})$`).exec(data);
  if (m) return { verb: "person-deactivate", personId: m[2] as string, confirmed: m[1] === "pdy" };
  return null;
}
