/**
 * Button payloads, as one table that both encodes and decodes: a verb, its
 * tag on the wire and its typed fields. They only ever carry ids; whatever
 * they claim is checked against the database before anything happens (a
 * forged payload is refused). Telegram caps callback data at 64 bytes: a
 * tag and a uuid fit. Here rather than in bot/ because the reminders a
 * service composes carry the same buttons as the chat.
 */
import type { Role } from "../domain/milestones/index.js";
import { SETTING_FIELDS, type SettingField } from "../domain/settings/index.js";

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
  | { verb: "person-deactivate"; personId: string; confirmed: boolean }
  /** /caidat: the setting to change, a choice for it, applying the previewed change. */
  | { verb: "settings-field"; field: SettingField }
  | { verb: "settings-choice"; field: SettingField; choice: SettingChoice }
  | { verb: "settings-apply" };

/** The answers of the settings chosen by button rather than typed; parseSettingInput reads each. */
export const SETTING_CHOICES = [
  "co",
  "khong",
  "t2",
  "t3",
  "t4",
  "t5",
  "t6",
  "t7",
  "chu tich",
  "van phong",
  "ca hai",
] as const;
export type SettingChoice = (typeof SETTING_CHOICES)[number];

type MilestoneVerb = "done" | "evidence" | "progress" | "extend";
type RequestVerb = "approve" | "return" | "grant" | "deny";
type Verb = CallbackAction["verb"];

/** One field of a payload: how it is written, and how its text is read back (undefined when malformed). */
interface Field {
  /** The action's property; null for a fixed word on the wire ("imp:ok"). */
  name: string | null;
  write(value: unknown): string;
  read(text: string): unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const uuid = (name: string): Field => ({
  name,
  write: (value) => String(value),
  read: (text) => (UUID.test(text) ? text : undefined),
});
const hex8 = (name: string): Field => ({
  name,
  write: (value) => String(value),
  read: (text) => (/^[0-9a-f]{8}$/.test(text) ? text : undefined),
});
const count = (name: string, max: number): Field => ({
  name,
  write: (value) => String(value),
  read: (text) => (/^\d{1,4}$/.test(text) && Number(text) <= max ? Number(text) : undefined),
});
const oneOf = (name: string, values: readonly string[]): Field => ({
  name,
  write: (value) => String(value),
  read: (text) => (values.includes(text) ? text : undefined),
});
const word = (text: string): Field => ({ name: null, write: () => text, read: (t) => (t === text ? t : undefined) });

const ROLES: readonly Role[] = ["member", "unit_head", "coordinator", "chairman"];

interface Row {
  verb: Verb;
  /** The payload's first part; unique across the table. */
  tag: string;
  fields: Field[];
  /** Properties the tag itself stands for (`pdy` is a confirmed deactivation). */
  fixed?: Record<string, unknown>;
}

const ROWS = [
  { verb: "done", tag: "done", fields: [uuid("milestoneId")] },
  { verb: "evidence", tag: "evidence", fields: [uuid("milestoneId")] },
  { verb: "progress", tag: "progress", fields: [uuid("milestoneId")] },
  { verb: "extend", tag: "extend", fields: [uuid("milestoneId")] },
  { verb: "pct", tag: "pct", fields: [uuid("milestoneId"), count("percent", 100)] },
  { verb: "approve", tag: "approve", fields: [uuid("requestId")] },
  { verb: "return", tag: "return", fields: [uuid("requestId")] },
  { verb: "grant", tag: "grant", fields: [uuid("requestId")] },
  { verb: "deny", tag: "deny", fields: [uuid("requestId")] },
  { verb: "page", tag: "page", fields: [oneOf("list", ["open", "overdue"]), count("page", 9999)] },
  { verb: "lang", tag: "lang", fields: [oneOf("locale", ["vi", "en"])] },
  { verb: "invite-role", tag: "inv", fields: [oneOf("role", ROLES)] },
  { verb: "invite-unit", tag: "invu", fields: [oneOf("role", ROLES), uuid("unitId")] },
  { verb: "skip", tag: "skip", fields: [] },
  { verb: "cancel", tag: "cancel", fields: [] },
  { verb: "import-confirm", tag: "imp", fields: [word("ok")] },
  { verb: "review-next", tag: "rv", fields: [count("index", 9999)] },
  { verb: "review-date", tag: "rd", fields: [uuid("milestoneId")] },
  { verb: "review-lead", tag: "rl", fields: [uuid("taskId"), hex8("unitPrefix")] },
  { verb: "review-merge", tag: "rm", fields: [uuid("unitId"), hex8("intoPrefix")] },
  { verb: "review-keep", tag: "rk", fields: [uuid("unitId")] },
  { verb: "review-seen", tag: "rw", fields: [uuid("taskId")] },
  { verb: "person-deactivate", tag: "pd", fields: [uuid("personId")], fixed: { confirmed: false } },
  { verb: "person-deactivate", tag: "pdy", fields: [uuid("personId")], fixed: { confirmed: true } },
  { verb: "settings-field", tag: "sf", fields: [oneOf("field", SETTING_FIELDS)] },
  { verb: "settings-choice", tag: "sc", fields: [oneOf("field", SETTING_FIELDS), oneOf("choice", SETTING_CHOICES)] },
  { verb: "settings-apply", tag: "sa", fields: [] },
] as const satisfies readonly Row[];

// A verb without a row fails to compile here: the table is the whole vocabulary.
type Uncovered = Exclude<Verb, (typeof ROWS)[number]["verb"]>;
const everyVerbHasARow: [Uncovered] extends [never] ? true : Uncovered = true;
void everyVerbHasARow;

const byTag = new Map<string, Row>(ROWS.map((row) => [row.tag, row]));

function rowFor(action: CallbackAction): Row {
  const fields = action as unknown as Record<string, unknown>;
  const row = (ROWS as readonly Row[]).find(
    (r) => r.verb === action.verb && Object.entries(r.fixed ?? {}).every(([key, value]) => fields[key] === value),
  );
  if (!row) throw new Error(`no callback row for ${action.verb}`);
  return row;
}

export function encodeCallback(action: CallbackAction): string {
  const fields = action as unknown as Record<string, unknown>;
  const row = rowFor(action);
  return [row.tag, ...row.fields.map((field) => field.write(field.name === null ? null : fields[field.name]))].join(
    ":",
  );
}

/** The action a payload names, or null for anything malformed. */
export function decodeCallback(data: string): CallbackAction | null {
  const [tag = "", ...parts] = data.split(":");
  const row = byTag.get(tag);
  if (!row || parts.length !== row.fields.length) return null;
  const action: Record<string, unknown> = { verb: row.verb, ...row.fixed };
  for (const [i, field] of row.fields.entries()) {
    const value = field.read(parts[i] as string);
    if (value === undefined) return null;
    if (field.name !== null) action[field.name] = value;
  }
  return action as unknown as CallbackAction;
}
