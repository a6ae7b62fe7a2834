/**
 * An office's settings (/caidat in the chat, the web settings page): read,
 * preview a change, apply it. Coordinators only. A change replans the sends
 * still ahead with the one planning code; sent ones stay as they were. The
 * preview is the same replan run in a transaction that is rolled back, so
 * what it promises is what applying does.
 */
import { and, eq, gt, isNotNull } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { organizations, reminders, settingsChanges } from "../../../db/schema.js";
import { addDays } from "../../domain/calendar/index.js";
import { localDay, weeklySendsBetween } from "../../domain/planning/index.js";
import { resolveReminderPolicy } from "../../domain/reminders/index.js";
import {
  extraDaysAfter,
  type OfficeSettings,
  type PlannedSend,
  policyOverridesAfter,
  previewSends,
  type SettingChange,
  type SettingsEffect,
  settingValue,
} from "../../domain/settings/index.js";
import type { Logger } from "../../logger.js";
import { personIdOf, type Principal, type Refused, requireAccess } from "../access.js";
import { loadPlanningContext } from "../planning/planning-context.js";
import { replanFutureReminders, type SendSlot } from "../reminders/sync-reminders.js";

/** How far ahead the weekly sends are compared. */
const WEEKLY_PREVIEW_DAYS = 28;

export interface SettingsView {
  kind: "settings";
  organizationName: string;
  timeZone: string;
  settings: OfficeSettings;
}

export type { SettingsEffect };

type Organization = typeof organizations.$inferSelect;

function settingsOf(organization: Organization): OfficeSettings {
  return {
    officeName: organization.officeName,
    policy: resolveReminderPolicy(organization.reminderPolicy),
    extraDaysOff: organization.extraDaysOff,
    extraWorkingDays: organization.extraWorkingDays,
  };
}

async function organizationRow(db: Database, organizationId: string): Promise<Organization | null> {
  const [organization] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  return organization ?? null;
}

/** The office's settings as they stand, for a coordinator. */
export async function loadOfficeSettings(
  db: Database,
  principal: Principal,
  organizationId: string,
): Promise<SettingsView | Refused<"not-allowed" | "not-found">> {
  const refused = requireAccess(principal, "organization.coordinate", { organizationId });
  if (refused) return refused;
  const organization = await organizationRow(db, organizationId);
  if (!organization) return { kind: "not-found" };
  return {
    kind: "settings",
    organizationName: organization.name,
    timeZone: organization.timeZone,
    settings: settingsOf(organization),
  };
}

/** The organization row's columns after a change. */
function columnsAfter(organization: Organization, change: SettingChange): Partial<Organization> {
  if (change.field === "officeName") return { officeName: change.value };
  const days = extraDaysAfter(organization, change);
  if (days) return days;
  return { reminderPolicy: policyOverridesAfter(organization.reminderPolicy ?? null, change) };
}

/** The milestone sends still ahead as stored, and the weekly digests of the coming weeks, as one list. */
async function comingSends(db: Database, organizationId: string, now: Date): Promise<PlannedSend[]> {
  const rows = await db
    .select({
      milestoneId: reminders.milestoneId,
      kind: reminders.kind,
      role: reminders.audienceRole,
      unitId: reminders.audienceUnitId,
      fireAt: reminders.fireAt,
    })
    .from(reminders)
    .where(
      and(
        eq(reminders.organizationId, organizationId),
        eq(reminders.state, "planned"),
        isNotNull(reminders.milestoneId),
        gt(reminders.fireAt, now),
      ),
    );
  return rows.map((row) => ({
    key: `${row.milestoneId}|${row.kind}|${row.role}|${row.unitId ?? ""}`,
    at: row.fireAt.toISOString(),
  }));
}

async function nextDigestAt(db: Database, organizationId: string, now: Date): Promise<string | null> {
  const context = await loadPlanningContext(db, organizationId);
  if (!context) return null;
  const today = localDay(now, context.timeZone);
  const sends = weeklySendsBetween(today, addDays(today, WEEKLY_PREVIEW_DAYS), context);
  return sends.find((send) => Date.parse(send.at) > now.getTime())?.at ?? null;
}

class RollBack extends Error {
  constructor(readonly effect: SettingsEffect) {
    super("preview only");
  }
}

/**
 * Applies a change and replans inside one transaction: the sends before (the
 * current settings replanned first, so stored rows that lag behind do not
 * count as an effect) and after. With `keep` false it rolls back: a preview.
 */
async function changeAndReplan(
  db: Database,
  principal: Principal,
  organizationId: string,
  change: SettingChange,
  now: Date,
  keep: boolean,
): Promise<{ effect: SettingsEffect; slots: SendSlot[] } | null> {
  try {
    return await db.transaction(async (tx) => {
      const [organization] = await tx
        .select()
        .from(organizations)
        .where(eq(organizations.id, organizationId))
        .for("update");
      if (!organization) return null;
      await replanFutureReminders(tx, organizationId, now);
      const before = await comingSends(tx, organizationId, now);
      const digestBefore = await nextDigestAt(tx, organizationId, now);
      await tx
        .update(organizations)
        .set(columnsAfter(organization, change))
        .where(eq(organizations.id, organizationId));
      const slots = await replanFutureReminders(tx, organizationId, now);
      const after = await comingSends(tx, organizationId, now);
      const changed = await organizationRow(tx, organizationId);
      const effect: SettingsEffect = {
        before: settingValue(settingsOf(organization), change.field),
        after: settingValue(settingsOf(changed as Organization), change.field),
        reminders: previewSends(before, after, organization.timeZone),
        nextDigest: { before: digestBefore, after: await nextDigestAt(tx, organizationId, now) },
      };
      if (!keep) throw new RollBack(effect);
      await tx.insert(settingsChanges).values({
        organizationId,
        actorPersonId: personIdOf(principal),
        at: now,
        field: change.field,
        before: effect.before,
        after: effect.after,
        effect: {
          retimed: effect.reminders.retimed,
          added: effect.reminders.added,
          removed: effect.reminders.removed,
          unchanged: effect.reminders.unchanged,
        },
      });
      return { effect, slots };
    });
  } catch (error) {
    if (error instanceof RollBack) return { effect: error.effect, slots: [] };
    throw error;
  }
}

/** What a change would do to the coming sends, without doing it. */
export async function previewSettingChange(
  db: Database,
  principal: Principal,
  organizationId: string,
  change: SettingChange,
  now: Date,
): Promise<{ kind: "preview"; effect: SettingsEffect } | Refused<"not-allowed" | "not-found">> {
  const refused = requireAccess(principal, "organization.coordinate", { organizationId });
  if (refused) return refused;
  const result = await changeAndReplan(db, principal, organizationId, change, now, false);
  return result ? { kind: "preview", effect: result.effect } : { kind: "not-found" };
}

/**
 * Applies a change: the setting, an entry in settings_changes, and the sends
 * ahead replanned. Returns the effect and the slots the caller queues.
 */
export async function applySettingChange(
  db: Database,
  principal: Principal,
  organizationId: string,
  change: SettingChange,
  options: { now: Date; logger?: Logger },
): Promise<{ kind: "applied"; effect: SettingsEffect; slots: SendSlot[] } | Refused<"not-allowed" | "not-found">> {
  const refused = requireAccess(principal, "organization.coordinate", { organizationId });
  if (refused) return refused;
  const result = await changeAndReplan(db, principal, organizationId, change, options.now, true);
  if (!result) return { kind: "not-found" };
  options.logger?.info(
    { organizationId, field: change.field, actor: personIdOf(principal), effect: result.effect.reminders },
    "office settings changed; sends ahead replanned",
  );
  return { kind: "applied", ...result };
}
