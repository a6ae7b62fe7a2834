/**
 * The nhacviec database. One organization is one UBND; every row carries its
 * organization_id, and every reference between rows goes through a composite
 * foreign key (organization_id, id), so a row can never point into another
 * organization's data even if application code forgets a filter.
 */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  bigserial,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Schedule } from "../src/domain/deadline/index.js";
import { MILESTONE_STATES } from "../src/domain/milestones/states.js";
import { ORGANIZATION_KINDS, ROLES } from "../src/domain/milestones/permissions.js";
import { DEFAULT_TIME_ZONE } from "../src/domain/planning/planning-context.js";
import { SEND_KINDS } from "../src/domain/reminders/send-kinds.js";
import type { Criterion } from "../src/domain/par/criteria.js";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
const organizationId = () => uuid("organization_id").notNull();
/** Raw bytes (an uploaded plan, a built report): Postgres bytea, a Buffer in TypeScript. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * province_leader and province_reviewer (the Home Affairs reviewer, "Sở Nội vụ") are held in a
 * province or department: they read every child organization's work and assign work to them.
 */
export const roleEnum = pgEnum("role", ROLES);
/** A commune or ward runs its own plans; a province or department oversees the organizations under it. */
export const organizationKindEnum = pgEnum("organization_kind", ORGANIZATION_KINDS);
export const taskUnitRelationEnum = pgEnum("task_unit_relation", ["lead", "support"]);
/** The domain's lists are the source: a new state or send kind there needs only a migration here. */
export const milestoneStateEnum = pgEnum("milestone_state", MILESTONE_STATES);
export const reminderKindEnum = pgEnum("reminder_kind", SEND_KINDS);
export const reminderStateEnum = pgEnum("reminder_state", ["planned", "sending", "sent", "skipped", "cancelled"]);
/** pending → sending (claimed by one worker) → sent; failed when Telegram refuses for good (a blocked bot). */
export const deliveryStateEnum = pgEnum("delivery_state", ["pending", "sending", "sent", "failed"]);

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Short stable name used by the CLI (`--org gio-son`). */
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /**
   * What the office that runs the plan calls itself ("Văn phòng HĐND và UBND xã"): every message
   * naming the coordinators uses it. Null until a plan names it or a coordinator sets it.
   */
  officeName: text("office_name"),
  timeZone: text("time_zone").notNull().default(DEFAULT_TIME_ZONE),
  locale: text("locale").notNull().default("vi"),
  /** Overrides of the default reminder policy; null means the defaults. */
  reminderPolicy: jsonb("reminder_policy").$type<Record<string, unknown>>(),
  /** Local days off on top of the national calendar (ISO dates). */
  extraDaysOff: jsonb("extra_days_off").$type<string[]>().notNull().default([]),
  extraWorkingDays: jsonb("extra_working_days").$type<string[]>().notNull().default([]),
  kind: organizationKindEnum("kind").notNull().default("commune"),
  /**
   * The province or department this organization reports to; null at the top. The one reference
   * that crosses organizations on purpose: a parent reads its children's work, never the reverse.
   */
  parentId: uuid("parent_id").references((): AnyPgColumn => organizations.id, { onDelete: "restrict" }),
  /** A province's setting: a commune's completion of the province's work also waits for the province's approval. */
  approvesChildCompletions: boolean("approves_child_completions").notNull().default(false),
  createdAt: createdAt(),
});

/**
 * A named set of a province's communes it gives work to together ("Các xã biên giới", "Cụm 2"): a
 * province task whose lead names the group is fanned out to its communes. Held by the province.
 */
export const communeGroups = pgTable(
  "commune_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The province (or department) that defined the group. */
    organizationId: organizationId(),
    name: text("name").notNull(),
    /** The name folded as a lead naming the group is folded (`communeGroupKey`): one group per key. */
    nameKey: text("name_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId], foreignColumns: [organizations.id] }).onDelete("cascade"),
    unique("commune_groups_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("commune_groups_org_name_key_unique").on(t.organizationId, t.nameKey),
  ],
);

/** A commune in one of its province's groups; a commune may be in several. */
export const communeGroupMembers = pgTable(
  "commune_group_members",
  {
    /** The province, as on the group. */
    organizationId: organizationId(),
    groupId: uuid("group_id").notNull(),
    /** An organization under the province (the service checks the parent); crosses organizations on purpose. */
    communeId: uuid("commune_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.communeId] }),
    foreignKey({
      columns: [t.organizationId, t.groupId],
      foreignColumns: [communeGroups.organizationId, communeGroups.id],
    }).onDelete("cascade"),
    index("commune_group_members_commune_idx").on(t.communeId),
  ],
);

/** A unit of the UBND ("bộ phận"): the lead ("chủ trì") or a cooperating unit of tasks. */
export const units = pgTable(
  "units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    name: text("name").notNull(),
    /** The name folded (case, accents, dashes, spacing) for matching. */
    nameKey: text("name_key").notNull(),
    createdAt: createdAt(),
    /** Set when the unit was merged into another; kept so history still resolves. */
    mergedIntoId: uuid("merged_into_id"),
    /** Set when a coordinator confirmed the name is a unit of its own (not a spelling of another). */
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId], foreignColumns: [organizations.id] }).onDelete("cascade"),
    unique("units_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("units_org_name_key_unique").on(t.organizationId, t.nameKey),
    foreignKey({ columns: [t.organizationId, t.mergedIntoId], foreignColumns: [t.organizationId, t.id] }),
  ],
);

/** Other spellings of a unit ("VP-TK", "Văn phòng thống kê"). */
export const unitAliases = pgTable(
  "unit_aliases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    unitId: uuid("unit_id").notNull(),
    alias: text("alias").notNull(),
    aliasKey: text("alias_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId, t.unitId], foreignColumns: [units.organizationId, units.id] }).onDelete(
      "cascade",
    ),
    uniqueIndex("unit_aliases_org_alias_key_unique").on(t.organizationId, t.aliasKey),
  ],
);

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    fullName: text("full_name").notNull(),
    /** Who they are on Telegram (every update, the Mini App sign-in); their chat is a person_channels row. */
    telegramUserId: bigint("telegram_user_id", { mode: "number" }),
    locale: text("locale").notNull().default("vi"),
    /** Set when a coordinator stopped the person's reminders (left the office); the Telegram binding is removed. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId], foreignColumns: [organizations.id] }).onDelete("cascade"),
    unique("people_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("people_org_telegram_user_unique").on(t.organizationId, t.telegramUserId),
    // Every update starts by finding its sender, in whatever organization.
    index("people_telegram_user_idx").on(t.telegramUserId),
  ],
);

/**
 * A person's address on each channel (Telegram, Zalo, email) where they get
 * their reminders and notices, with whether the channel refuses them. A
 * person has at most one chat per channel. A Zalo or email address belongs to
 * one person in the whole deployment (there is one Zalo bot); a Telegram chat
 * to one person per organization, as a Telegram account may be bound in two
 * organizations (people_org_telegram_user_unique) and its chat id is the same
 * in both.
 */
export const personChannels = pgTable(
  "person_channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    personId: uuid("person_id").notNull(),
    channel: text("channel").notNull(),
    /** Telegram chat ids as decimal text, Zalo ids as strings of hex digits, email addresses. */
    chatId: text("chat_id").notNull(),
    /** Set when the channel refuses delivery (blocked bot, unknown chat): only this channel stops. */
    unreachableSince: timestamp("unreachable_since", { withTimezone: true }),
    /** Set by the one-click unsubscribe of an email digest: the weekly digest stops, reminders still go. */
    digestUnsubscribedAt: timestamp("digest_unsubscribed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.personId],
      foreignColumns: [people.organizationId, people.id],
    }).onDelete("cascade"),
    check("person_channels_channel", sql`${t.channel} in ('telegram', 'zalo', 'email')`),
    uniqueIndex("person_channels_chat_unique")
      .on(t.channel, t.chatId)
      .where(sql`${t.channel} <> 'telegram'`),
    uniqueIndex("person_channels_org_chat_unique").on(t.organizationId, t.channel, t.chatId),
    uniqueIndex("person_channels_person_unique").on(t.personId, t.channel),
  ],
);

/**
 * An email address a coordinator gave for a person, waiting for its owner to
 * open the confirmation link: only then does it become their 'email' channel
 * (person_channels), so nothing is sent to an address nobody confirmed. Only
 * the token's sha256 is kept.
 */
export const emailConfirmations = pgTable(
  "email_confirmations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    personId: uuid("person_id").notNull(),
    address: text("address").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.personId],
      foreignColumns: [people.organizationId, people.id],
    }).onDelete("cascade"),
    uniqueIndex("email_confirmations_token_unique").on(t.tokenHash),
  ],
);

/**
 * A one-time code that binds a further channel (a Zalo chat) to a person who
 * is already on Telegram: their invite was used up there. Only the code's
 * sha256 is kept, as for web sign-in links.
 */
export const channelLinkCodes = pgTable(
  "channel_link_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    personId: uuid("person_id").notNull(),
    channel: text("channel").notNull(),
    codeHash: text("code_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.personId],
      foreignColumns: [people.organizationId, people.id],
    }).onDelete("cascade"),
    check("channel_link_codes_channel", sql`${t.channel} in ('zalo')`),
  ],
);

/** A person's role, for one unit (member, unit_head) or the whole organization (coordinator, chairman). */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    personId: uuid("person_id").notNull(),
    role: roleEnum("role").notNull(),
    unitId: uuid("unit_id"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.personId],
      foreignColumns: [people.organizationId, people.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.organizationId, t.unitId], foreignColumns: [units.organizationId, units.id] }),
    unique("memberships_unique").on(t.personId, t.role, t.unitId).nullsNotDistinct(),
    check("memberships_unit_roles_have_unit", sql`${t.role} not in ('member', 'unit_head') or ${t.unitId} is not null`),
  ],
);

/** A one-time invite code: `/start <code>` binds a Telegram account to a role and unit. */
export const invites = pgTable(
  "invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    /**
     * sha256 (hex) of the code: the plain code lives only in the link shown at
     * creation, so a leaked table or backup binds nobody. 128 random bits need
     * no salt or server secret to resist guessing from the hash.
     */
    codeHash: text("code_hash").notNull().unique(),
    role: roleEnum("role").notNull(),
    unitId: uuid("unit_id"),
    fullName: text("full_name"),
    createdByPersonId: uuid("created_by_person_id"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    usedByPersonId: uuid("used_by_person_id"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId], foreignColumns: [organizations.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organizationId, t.unitId], foreignColumns: [units.organizationId, units.id] }),
    foreignKey({
      columns: [t.organizationId, t.createdByPersonId],
      foreignColumns: [people.organizationId, people.id],
    }),
    foreignKey({ columns: [t.organizationId, t.usedByPersonId], foreignColumns: [people.organizationId, people.id] }),
  ],
);

/** An imported plan ("Kế hoạch CCHC"). */
export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    title: text("title").notNull(),
    issuer: text("issuer"),
    year: integer("year").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    /** Identifies the plan across re-imports of edited versions of the same document. */
    planKey: text("plan_key").notNull(),
    /** The document's kind ("Thông báo", "Công văn"…); null for a plan imported before directives were read. */
    kind: text("kind"),
    /** "25/TB-UBND": the document's number and symbol, when it has one. */
    number: text("number"),
    /** The day the document was signed: its deadlines "kể từ ngày ban hành" count from it. */
    issuedOn: date("issued_on", { mode: "string" }),
    /** The summary line (trích yếu), for the register. */
    summary: text("summary"),
    /** The day the office received it, set by a coordinator: deadlines "kể từ ngày nhận được" count from it. */
    receivedOn: date("received_on", { mode: "string" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId], foreignColumns: [organizations.id] }).onDelete("cascade"),
    unique("plans_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("plans_org_plan_key_unique").on(t.organizationId, t.planKey),
    check("plans_period_ordered", sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);

/** Each import of a file into a plan, with what it changed; the first one creates the plan. */
export const planImports = pgTable(
  "plan_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    planId: uuid("plan_id").notNull(),
    fileName: text("file_name").notNull(),
    fileSha256: text("file_sha256").notNull(),
    importedByPersonId: uuid("imported_by_person_id"),
    summary: jsonb("summary").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId, t.planId], foreignColumns: [plans.organizationId, plans.id] }).onDelete(
      "cascade",
    ),
    foreignKey({
      columns: [t.organizationId, t.importedByPersonId],
      foreignColumns: [people.organizationId, people.id],
    }),
  ],
);

/** One numbered row of the plan's appendix (section + STT), or one of its activities. */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    planId: uuid("plan_id").notNull(),
    /** Stable across re-imports: section, STT and activity ("II|3|"). */
    taskKey: text("task_key").notNull(),
    section: text("section"),
    sectionTitle: text("section_title"),
    stt: text("stt"),
    title: text("title").notNull(),
    product: text("product"),
    /** Lead units proposed from the plan's text when its table has no lead column; confirmed by a coordinator. */
    proposedLead: jsonb("proposed_lead").$type<string[]>().notNull().default([]),
    /** The deadline cells as written, in order. */
    deadlineTexts: jsonb("deadline_texts").$type<string[]>().notNull(),
    schedule: jsonb("schedule").$type<Schedule>().notNull(),
    position: integer("position").notNull(),
    /** Where the row came from (line or row number), for messages that point back to the document. */
    source: jsonb("source").$type<{ line?: number; row?: number }>().notNull(),
    /** What the importer could not read cleanly in this row, for the coordinator's review. */
    warnings: jsonb("warnings").$type<string[]>().notNull().default([]),
    /** Set when a coordinator has looked at the row's warnings. */
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    /** Set when a re-import no longer contains the task; the row and its history stay. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    /**
     * The province's task this one was fanned out from (a commune's copy of "UBND các xã, phường"
     * work). Crosses organizations on purpose, child to parent: the province rolls its copies up.
     */
    sourceTaskId: uuid("source_task_id"),
    /** When the province accepted the commune's completion (only asked when the province approves them). */
    upstreamAcceptedAt: timestamp("upstream_accepted_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId, t.planId], foreignColumns: [plans.organizationId, plans.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.sourceTaskId], foreignColumns: [t.id] }).onDelete("set null"),
    unique("tasks_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("tasks_plan_task_key_unique").on(t.planId, t.taskKey),
    // A province task reaches each commune once, however often it is fanned out.
    uniqueIndex("tasks_org_source_task_unique").on(t.organizationId, t.sourceTaskId),
    index("tasks_source_task_idx").on(t.sourceTaskId),
  ],
);

/** Lead ("chủ trì") and cooperating ("phối hợp") units of a task. */
export const taskUnits = pgTable(
  "task_units",
  {
    organizationId: organizationId(),
    taskId: uuid("task_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    relation: taskUnitRelationEnum("relation").notNull(),
    /** The name as the plan wrote it. */
    nameInPlan: text("name_in_plan").notNull(),
    /** "plan" rows follow re-imports; "coordinator" rows were chosen in the review and survive them. */
    assignedBy: text("assigned_by").notNull().default("plan"),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.unitId, t.relation] }),
    foreignKey({ columns: [t.organizationId, t.taskId], foreignColumns: [tasks.organizationId, tasks.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.organizationId, t.unitId], foreignColumns: [units.organizationId, units.id] }),
    index("task_units_unit_idx").on(t.unitId),
  ],
);

/** One trackable deadline of a task, with its own state; version bumps whenever its dates move. */
export const milestones = pgTable(
  "milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    taskId: uuid("task_id").notNull(),
    /** Stable within the task across re-imports (the milestone's label and order). */
    milestoneKey: text("milestone_key").notNull(),
    label: text("label"),
    appliesTo: text("applies_to"),
    start: date("start", { mode: "string" }),
    /** Null while the deadline needs a date from the coordinator. */
    due: date("due", { mode: "string" }),
    /**
     * The dates as the plan itself gave them. start/due may differ after a
     * coordinator set a date or an extension was granted; a re-import only
     * moves the milestone when the plan's own dates changed.
     */
    planStart: date("plan_start", { mode: "string" }),
    planDue: date("plan_due", { mode: "string" }),
    state: milestoneStateEnum("state").notNull().default("open"),
    version: integer("version").notNull().default(1),
    progressPercent: integer("progress_percent"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId, t.taskId], foreignColumns: [tasks.organizationId, tasks.id] }).onDelete(
      "cascade",
    ),
    unique("milestones_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("milestones_task_key_unique").on(t.taskId, t.milestoneKey),
    index("milestones_org_state_due_idx").on(t.organizationId, t.state, t.due),
    check("milestones_window_ordered", sql`${t.start} is null or ${t.due} is null or ${t.start} <= ${t.due}`),
    check("milestones_progress_range", sql`${t.progressPercent} is null or ${t.progressPercent} between 0 and 100`),
  ],
);

/**
 * What happened to a milestone, who did it and from which message. Append-only:
 * a trigger in the migrations refuses UPDATE and DELETE.
 */
export const milestoneEvents = pgTable(
  "milestone_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organizationId: organizationId(),
    milestoneId: uuid("milestone_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorPersonId: uuid("actor_person_id"),
    /** imported, deadline-moved, completed, approved, returned, progress, extension-requested… */
    action: text("action").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** The Telegram chat and message the action came from, when it came from the chat. */
    telegramChatId: bigint("telegram_chat_id", { mode: "number" }),
    telegramMessageId: bigint("telegram_message_id", { mode: "number" }),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.milestoneId],
      foreignColumns: [milestones.organizationId, milestones.id],
    }),
    foreignKey({ columns: [t.organizationId, t.actorPersonId], foreignColumns: [people.organizationId, people.id] }),
    index("milestone_events_milestone_idx").on(t.milestoneId, t.at),
  ],
);

export const approvalKindEnum = pgEnum("approval_kind", ["completion", "extension"]);
export const approvalStateEnum = pgEnum("approval_state", ["pending", "approved", "rejected", "withdrawn"]);

/**
 * What waits for a decision: a completion for the coordinators, an extension
 * for the coordinators or the chairman. The milestone's event log records the
 * same steps; this row is what /canduyet lists and what the buttons point at.
 */
export const approvalRequests = pgTable(
  "approval_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    milestoneId: uuid("milestone_id").notNull(),
    kind: approvalKindEnum("kind").notNull(),
    state: approvalStateEnum("state").notNull().default("pending"),
    requestedByPersonId: uuid("requested_by_person_id").notNull(),
    /** The milestone version the request was made against: a request on a moved milestone is stale. */
    milestoneVersion: integer("milestone_version").notNull(),
    /** For extensions: the new due day asked for, and why. */
    requestedDue: date("requested_due", { mode: "string" }),
    reason: text("reason"),
    decidedByPersonId: uuid("decided_by_person_id"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionComment: text("decision_comment"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.milestoneId],
      foreignColumns: [milestones.organizationId, milestones.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.organizationId, t.requestedByPersonId],
      foreignColumns: [people.organizationId, people.id],
    }),
    foreignKey({
      columns: [t.organizationId, t.decidedByPersonId],
      foreignColumns: [people.organizationId, people.id],
    }),
    check("approval_requests_extension_has_due", sql`${t.kind} <> 'extension' or ${t.requestedDue} is not null`),
    // At most one open request of each kind per milestone: a second press of the button finds the first.
    uniqueIndex("approval_requests_one_pending")
      .on(t.milestoneId, t.kind)
      .where(sql`${t.state} = 'pending'`),
    index("approval_requests_org_state_idx").on(t.organizationId, t.state),
  ],
);

/** Evidence ("tài liệu kiểm chứng") kept by the product itself, not only as a Telegram file id. */
export const evidenceFiles = pgTable(
  "evidence_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    milestoneId: uuid("milestone_id").notNull(),
    uploadedByPersonId: uuid("uploaded_by_person_id"),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type"),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    storagePath: text("storage_path").notNull(),
    telegramFileId: text("telegram_file_id"),
    telegramFileUniqueId: text("telegram_file_unique_id"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.milestoneId],
      foreignColumns: [milestones.organizationId, milestones.id],
    }),
    foreignKey({
      columns: [t.organizationId, t.uploadedByPersonId],
      foreignColumns: [people.organizationId, people.id],
    }),
    index("evidence_files_milestone_idx").on(t.milestoneId),
  ],
);

/**
 * Evidence given as a document reference instead of a file ("Kế hoạch số
 * 15/KH-UBND ngày 20/01/2026 của UBND xã …"): offices cite their own
 * documents by number and date, and the self-assessment asks for exactly that.
 */
export const evidenceReferences = pgTable(
  "evidence_references",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    milestoneId: uuid("milestone_id").notNull(),
    createdByPersonId: uuid("created_by_person_id"),
    /** "Kế hoạch", "Quyết định", "Công văn"… */
    documentType: text("document_type").notNull(),
    /** Số/ký hiệu as written on the document: "15/KH-UBND". */
    numberSymbol: text("number_symbol").notNull(),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    issuer: text("issuer").notNull(),
    /** What the person typed, kept for the record. */
    typedText: text("typed_text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.milestoneId],
      foreignColumns: [milestones.organizationId, milestones.id],
    }),
    foreignKey({
      columns: [t.organizationId, t.createdByPersonId],
      foreignColumns: [people.organizationId, people.id],
    }),
    index("evidence_references_milestone_idx").on(t.milestoneId),
  ],
);

/**
 * One planned send: what (kind), about which milestone, to whom (a role, and a
 * unit where the role is per unit) and when. Recipients are resolved when it
 * fires; a send is void when the milestone's version has moved on.
 */
export const reminders = pgTable(
  "reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    /** Null for organization-wide sends (digest, needs-date list). */
    milestoneId: uuid("milestone_id"),
    milestoneVersion: integer("milestone_version"),
    kind: reminderKindEnum("kind").notNull(),
    audienceRole: roleEnum("audience_role").notNull(),
    audienceUnitId: uuid("audience_unit_id"),
    fireAt: timestamp("fire_at", { withTimezone: true }).notNull(),
    state: reminderStateEnum("state").notNull().default("planned"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.milestoneId],
      foreignColumns: [milestones.organizationId, milestones.id],
    }),
    foreignKey({ columns: [t.organizationId, t.audienceUnitId], foreignColumns: [units.organizationId, units.id] }),
    unique("reminders_org_id_unique").on(t.organizationId, t.id),
    // Planning the same milestone version twice adds nothing; per organization, because the weekly
    // sends (no milestone) of two organizations at the same instant are two sends, not one.
    unique("reminders_plan_unique")
      .on(t.organizationId, t.milestoneId, t.milestoneVersion, t.kind, t.audienceRole, t.audienceUnitId, t.fireAt)
      .nullsNotDistinct(),
    index("reminders_state_fire_at_idx").on(t.state, t.fireAt),
    index("reminders_milestone_idx").on(t.milestoneId),
  ],
);

/** Each delivery of a reminder to one person, so a retry never repeats what a person already got. */
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    reminderId: uuid("reminder_id").notNull(),
    personId: uuid("person_id").notNull(),
    /** Each channel of a person is a delivery of its own: once per person, slot and channel. */
    channel: text("channel").notNull().default("telegram"),
    state: deliveryStateEnum("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** When a worker claimed it; a claim left by a crashed worker is released by the reconciler. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    telegramMessageId: bigint("telegram_message_id", { mode: "number" }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.reminderId],
      foreignColumns: [reminders.organizationId, reminders.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.organizationId, t.personId], foreignColumns: [people.organizationId, people.id] }),
    uniqueIndex("reminder_deliveries_unique").on(t.reminderId, t.personId, t.channel),
    check("reminder_deliveries_channel", sql`${t.channel} in ('telegram', 'zalo', 'email')`),
  ],
);

/** grammY session and conversation state, kept in Postgres so a restart forgets nothing. */
export const botSessions = pgTable(
  "bot_sessions",
  {
    key: text("key").primaryKey(),
    organizationId: organizationId(),
    personId: uuid("person_id"),
    value: jsonb("value").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId], foreignColumns: [organizations.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organizationId, t.personId], foreignColumns: [people.organizationId, people.id] }),
  ],
);

/**
 * Updates a chat platform delivered to us, by the platform's own id: a webhook
 * redelivery (a slow answer, a restart) is recognised and not processed twice.
 */
export const processedUpdates = pgTable(
  "processed_updates",
  {
    channel: text("channel").notNull(),
    updateId: bigint("update_id", { mode: "number" }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.updateId] }), index("processed_updates_received").on(t.receivedAt)],
);

/**
 * Wrong invite codes tried, per chat (`telegram:<chat id>`, `zalo:<user id>`):
 * the invite limiter counts them here so the limit holds across processes.
 */
export const inviteAttempts = pgTable(
  "invite_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    chatKey: text("chat_key").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("invite_attempts_chat").on(t.chatKey, t.attemptedAt)],
);

export const calendarDayKindEnum = pgEnum("calendar_day_kind", ["day-off", "working-day"]);

/**
 * Days added to the national calendar for the whole deployment (a province's
 * own day off, a make-up Saturday announced after the code shipped). An
 * organization's own days are its extra_days_off / extra_working_days.
 */
export const calendarDays = pgTable("calendar_days", {
  date: date("date", { mode: "string" }).primaryKey(),
  kind: calendarDayKindEnum("kind").notNull(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

/** The one-time notice to an organization's coordinators that a year's arrangement is not published yet. */
export const calendarNotices = pgTable(
  "calendar_notices",
  {
    organizationId: organizationId(),
    year: integer("year").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.year] }),
    foreignKey({ columns: [t.organizationId], foreignColumns: [organizations.id] }).onDelete("cascade"),
  ],
);

/**
 * A one-time sign-in link for the web app, sent by the bot on `/web`. Only the
 * token's sha256 is kept: a leaked table opens nothing. Used once, then dead.
 */
export const webSignInLinks = pgTable(
  "web_sign_in_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    personId: uuid("person_id").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.personId],
      foreignColumns: [people.organizationId, people.id],
    }).onDelete("cascade"),
  ],
);

/**
 * A signed-in browser. The cookie holds a random token, the row its sha256;
 * the CSRF token is bound to the session. A deactivated person's sessions stop
 * working at once: the lookup requires an active person.
 */
export const webSessions = pgTable(
  "web_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    personId: uuid("person_id").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    csrfToken: text("csrf_token").notNull(),
    /** How the session began: "link" (a /web link) or "mini-app" (Telegram initData). */
    method: text("method").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.personId],
      foreignColumns: [people.organizationId, people.id],
    }).onDelete("cascade"),
    index("web_sessions_person_idx").on(t.personId),
  ],
);

/**
 * Each change of an organization's settings (/caidat, the web settings page), with who made it, the
 * value before and after, and what it did to the coming sends. Only ever added to.
 */
export const settingsChanges = pgTable(
  "settings_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organizationId: organizationId(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorPersonId: uuid("actor_person_id"),
    /** sendTime, workingDaysBefore, overdueSteps, officeName, day-off… (the domain's SettingField). */
    field: text("field").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    /** The preview's counts: sends retimed, added, removed. */
    effect: jsonb("effect").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId], foreignColumns: [organizations.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organizationId, t.actorPersonId], foreignColumns: [people.organizationId, people.id] }),
    index("settings_changes_org_idx").on(t.organizationId, t.at),
  ],
);

/**
 * The outbox: what happened (a completion asked for, a request decided, a lead
 * unit changed, a person joined), written in the same transaction as the
 * change, so a crash between the commit and the notice loses nothing. The
 * notifications service takes unhandled rows (claimed_at keeps two workers off
 * one row; a claim older than a few minutes belonged to a dead worker).
 */
export const domainEvents = pgTable(
  "domain_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    /** `completion.requested`, `lead.changed`, …: the union in src/domain/notifications/events.ts. */
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId], foreignColumns: [organizations.id] }).onDelete("cascade"),
    index("domain_events_unhandled_idx")
      .on(t.createdAt)
      .where(sql`${t.handledAt} is null`),
  ],
);

/**
 * One notice of an event to one person on one channel. The primary key is the
 * once-only rule: a worker that restarts after a crash finds the row and does
 * not send again ('sending' left behind means the request may have left).
 */
export const eventNotices = pgTable(
  "event_notices",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => domainEvents.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull(),
    channel: text("channel").notNull(),
    state: text("state").notNull(),
    error: text("error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.personId, t.channel] }),
    check("event_notices_state", sql`${t.state} in ('sending', 'sent', 'unreachable', 'failed', 'unknown')`),
  ],
);

/**
 * A province's PAR INDEX criteria set ("Bộ Chỉ số CCHC") for a year, as
 * imported: the whole tree of criteria in one document, since a set never
 * changes once issued. Importing a changed file makes the next version;
 * assessments keep the version they were scored against.
 */
export const parSets = pgTable(
  "par_sets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Province slug ("binh-duong"). */
    province: text("province").notNull(),
    year: integer("year").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    source: text("source").notNull(),
    fileName: text("file_name").notNull(),
    fileSha256: text("file_sha256").notNull(),
    criteria: jsonb("criteria").$type<Criterion[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("par_sets_province_year_version_unique").on(t.province, t.year, t.version)],
);

/**
 * An office's self-assessment of a year against one version of its
 * province's set, with the day the office must finish it by and the tracked
 * plan ("Tự đánh giá chỉ số CCHC <năm>") that chases what is missing.
 */
export const parAssessments = pgTable(
  "par_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    setId: uuid("set_id")
      .notNull()
      .references(() => parSets.id),
    year: integer("year").notNull(),
    deadline: date("deadline", { mode: "string" }),
    chasePlanId: uuid("chase_plan_id"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.organizationId], foreignColumns: [organizations.id] }).onDelete("cascade"),
    unique("par_assessments_org_id_unique").on(t.organizationId, t.id),
    uniqueIndex("par_assessments_org_year_unique").on(t.organizationId, t.year),
    foreignKey({ columns: [t.organizationId, t.chasePlanId], foreignColumns: [plans.organizationId, plans.id] }),
  ],
);

/** A coordinator's decision that a task serves (or does not serve) a criterion. */
export const parLinks = pgTable(
  "par_links",
  {
    organizationId: organizationId(),
    assessmentId: uuid("assessment_id").notNull(),
    criterionCode: text("criterion_code").notNull(),
    taskId: uuid("task_id").notNull(),
    /** "confirmed" counts the task's evidence and results for the criterion; "rejected" stops suggesting it. */
    decision: text("decision").notNull(),
    decidedByPersonId: uuid("decided_by_person_id"),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.criterionCode, t.taskId] }),
    foreignKey({
      columns: [t.organizationId, t.assessmentId],
      foreignColumns: [parAssessments.organizationId, parAssessments.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.organizationId, t.taskId], foreignColumns: [tasks.organizationId, tasks.id] }).onDelete(
      "cascade",
    ),
    foreignKey({
      columns: [t.organizationId, t.decidedByPersonId],
      foreignColumns: [people.organizationId, people.id],
    }),
    check("par_links_decision", sql`${t.decision} in ('confirmed', 'rejected')`),
  ],
);

/** What the coordinator wrote for a criterion: the self-score with its justification, and the explanation. */
export const parEntries = pgTable(
  "par_entries",
  {
    organizationId: organizationId(),
    assessmentId: uuid("assessment_id").notNull(),
    criterionCode: text("criterion_code").notNull(),
    selfPoints: doublePrecision("self_points"),
    justification: text("justification"),
    /** The explanation ("giải trình") as edited; null while the drafted one stands. */
    explanation: text("explanation"),
    updatedByPersonId: uuid("updated_by_person_id"),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.criterionCode] }),
    foreignKey({
      columns: [t.organizationId, t.assessmentId],
      foreignColumns: [parAssessments.organizationId, parAssessments.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.organizationId, t.updatedByPersonId],
      foreignColumns: [people.organizationId, people.id],
    }),
    check("par_entries_points_non_negative", sql`${t.selfPoints} is null or ${t.selfPoints} >= 0`),
  ],
);

/** Evidence attached to a criterion itself: a file kept in the evidence store, or a document reference. */
export const parEvidence = pgTable(
  "par_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    assessmentId: uuid("assessment_id").notNull(),
    criterionCode: text("criterion_code").notNull(),
    fileName: text("file_name"),
    sha256: text("sha256"),
    storagePath: text("storage_path"),
    sizeBytes: bigint("size_bytes", { mode: "number" }),
    documentType: text("document_type"),
    numberSymbol: text("number_symbol"),
    issuedOn: date("issued_on", { mode: "string" }),
    issuer: text("issuer"),
    createdByPersonId: uuid("created_by_person_id"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.assessmentId],
      foreignColumns: [parAssessments.organizationId, parAssessments.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.organizationId, t.createdByPersonId],
      foreignColumns: [people.organizationId, people.id],
    }),
    index("par_evidence_criterion_idx").on(t.assessmentId, t.criterionCode),
    check(
      "par_evidence_file_or_reference",
      sql`(${t.storagePath} is not null and ${t.fileName} is not null) or (${t.numberSymbol} is not null and ${t.issuedOn} is not null)`,
    ),
  ],
);

/**
 * Plan files uploaded on the web, waiting for the coordinator's confirmation
 * of their preview: in the database so that a restart between the preview and
 * the confirmation loses nothing. One per person (a new upload replaces it);
 * gone after `expires_at` (30 minutes) or once confirmed.
 */
export const pendingUploads = pgTable(
  "pending_uploads",
  {
    id: text("id").primaryKey(),
    organizationId: organizationId(),
    personId: uuid("person_id").notNull(),
    fileName: text("file_name").notNull(),
    bytes: bytea("bytes").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    /** A plan over the task limit: its count, and whether the coordinator confirmed it. */
    largePlan: jsonb("large_plan").$type<{ tasks: number; confirmed: boolean }>(),
    /** The day the document was received, given with the upload: its preview and import count from it. */
    receivedOn: date("received_on", { mode: "string" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.personId],
      foreignColumns: [people.organizationId, people.id],
    }).onDelete("cascade"),
    uniqueIndex("pending_uploads_person_idx").on(t.personId),
    index("pending_uploads_expires_idx").on(t.expiresAt),
  ],
);

export const reportBuildStateEnum = pgEnum("report_build_state", ["pending", "ready", "failed"]);

/**
 * A Word or PDF report asked for on the web, built by a job (LibreOffice runs
 * there, never in a request): pending until the job stores the file or the
 * reason it failed. Kept a day, for the download.
 */
export const reportBuilds = pgTable(
  "report_builds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: organizationId(),
    personId: uuid("person_id").notNull(),
    /** "workbook" (the results table) or "cchc" (the report of a period). */
    kind: text("kind").notNull(),
    format: text("format").notNull(),
    /** The period's code ("2025-Q3") of a CCHC report. */
    period: text("period"),
    /** The office's day the report is as of. */
    asOf: date("as_of", { mode: "string" }).notNull(),
    state: reportBuildStateEnum("state").notNull().default("pending"),
    fileName: text("file_name").notNull(),
    bytes: bytea("bytes"),
    error: text("error"),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    foreignKey({
      columns: [t.organizationId, t.personId],
      foreignColumns: [people.organizationId, people.id],
    }).onDelete("cascade"),
    index("report_builds_created_idx").on(t.createdAt),
  ],
);
