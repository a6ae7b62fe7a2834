import { and, eq, isNull, sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/client.js";
import { organizations, reminders } from "../../../db/schema.js";
import { formatVietnameseDate, statutoryTetBreak } from "../../domain/calendar/index.js";
import {
  currentAndNextWeeklySends,
  localDay,
  type PlanningContext,
  type WeeklySend,
  weeklySendDue,
} from "../../domain/planning/index.js";
import type { Role } from "../../domain/milestones/index.js";
import { buildDigest, unitProgress, weeklyDigestRoles, type WeeklySendKind } from "../../domain/reminders/index.js";
import { type Translator, translatorFor } from "../../i18n/i18n.js";
import { claimCalendarNotice, yearsNeedingCalendarNotice } from "../calendar.js";
import { loadPlanningContext } from "../planning/planning-context.js";
import { taskNumber } from "../reminders/compose-message.js";
import { formatDigest, loadDigestMilestones } from "../reminders/digest-message.js";
import { requireReadable } from "../access.js";
import { findViewerById, type Viewer } from "../people/viewer.js";
import { formatProvinceDigest, loadProvinceDigest, provinceDigestChart } from "../province/province-digest.js";
import { renderDigestChart } from "../reports/digest-chart.js";
import type { ChannelMessage, DeliveryChannel } from "../../channels/channel.js";
import { channelsOf, markChannelUnreachable, sendOnChannel } from "./deliver.js";
import type { DispatchDeps } from "./dispatch-due.js";
import { isReachable, reachableChannelsOf } from "./reachable.js";

/** Someone a weekly message goes to, reachable on some channel. */
interface Recipient {
  personId: string;
}

/** The reachable people holding any of `roles` in the organization, each once. */
async function recipientsWithRoles(
  deps: Pick<DispatchDeps, "db">,
  organizationId: string,
  roles: readonly Role[],
): Promise<Recipient[]> {
  if (roles.length === 0) return [];
  const rows = await queryRows<{ person_id: string }>(
    deps.db,
    sql`
    select distinct p.id as person_id
    from memberships ms join people p on p.id = ms.person_id
    where ms.organization_id = ${organizationId} and ms.role in (${sql.join(
      roles.map((role) => sql`${role}`),
      sql`, `,
    )})
      and ${isReachable("p")}
    order by p.id`,
  );
  return rows.map((row) => ({ personId: row.person_id }));
}

/** A reachable address of one of these people on a channel this process runs. */
interface LinkedChat {
  /** The person_channels row: what an unsubscribe link names. */
  rowId: string;
  channel: DeliveryChannel;
  chatId: string;
  locale: string;
}

/** Their reachable chats on every channel this process runs; for a digest, without the addresses unsubscribed from digests. */
async function linkedChatsOf(
  deps: DispatchDeps,
  recipients: Recipient[],
  purpose: "digest" | "other",
): Promise<LinkedChat[]> {
  const channels = channelsOf(deps);
  if (recipients.length === 0) return [];
  const rows = await queryRows<{ id: string; channel: string; chat_id: string; locale: string }>(
    deps.db,
    sql`
      select reachable.id, reachable.channel, reachable.chat_id, p.locale
      from people p join lateral ${reachableChannelsOf("p")} as reachable on true
      where p.id in (${sql.join(
        recipients.map((r) => sql`${r.personId}::uuid`),
        sql`, `,
      )}) and (${purpose} <> 'digest'
        or not exists (select 1 from person_channels pc where pc.id = reachable.id and pc.digest_unsubscribed_at is not null))
      order by p.id, reachable.channel`,
  );
  return rows.flatMap((row) => {
    const channel = channels.find((c) => c.name === row.channel);
    return channel ? [{ rowId: row.id, channel, chatId: row.chat_id, locale: row.locale }] : [];
  });
}

/** One message to a linked chat; a refusal marks that channel unreachable. Returns whether it went. */
async function sendToLinked(
  deps: DispatchDeps,
  organizationId: string,
  chat: LinkedChat,
  message: ChannelMessage,
): Promise<boolean> {
  const outcome = await sendOnChannel(chat.channel, chat.chatId, message);
  if (outcome.kind === "sent") return true;
  if (outcome.kind === "unreachable")
    await markChannelUnreachable(deps.db, organizationId, chat.channel.name, chat.chatId);
  else deps.logger.warn({ channel: chat.channel.name, outcome }, "weekly message not delivered");
  return false;
}

/** Sends each recipient the text in their language, on each of their channels. */
async function sendToAll(
  deps: DispatchDeps,
  organizationId: string,
  recipients: Recipient[],
  textFor: (translator: Translator) => string,
): Promise<number> {
  let sent = 0;
  for (const chat of await linkedChatsOf(deps, recipients, "other")) {
    const text = textFor(translatorFor(chat.locale));
    if (await sendToLinked(deps, organizationId, chat, { kind: "notice", text, buttons: [] })) sent++;
  }
  return sent;
}

/** What a digest says on each channel, in the reader's words. */
interface DigestContent {
  text(translator: Translator): string;
  /** An email's subject. */
  subject(translator: Translator): string;
  /** The chart, or nothing when there is nothing to draw (or it cannot be drawn). */
  chart(translator: Translator): Promise<{ png: Buffer; fileName: string } | undefined>;
  /** The caption of the chart sent as a photo of its own (Telegram). */
  chartCaption(translator: Translator): string;
  /** The web page that shows the chart, for a channel that takes no picture (Zalo), and its line. */
  page: string;
  pageLine(translator: Translator, url: string): string;
}

/**
 * A digest to each recipient, on each of their channels but the addresses
 * unsubscribed from digests: email gets one mail with the chart inline and a
 * one-click unsubscribe; Telegram the text, then the chart as a photo; Zalo
 * the text, then a link to the page with the chart. Returns the digests sent.
 */
async function deliverDigest(
  deps: DispatchDeps,
  organizationId: string,
  recipients: Recipient[],
  content: DigestContent,
): Promise<number> {
  let sent = 0;
  for (const chat of await linkedChatsOf(deps, recipients, "digest")) {
    const translator = translatorFor(chat.locale);
    const text = content.text(translator);
    const { photos, photoInText } = chat.channel.capabilities;
    // The chart follows the text; a chart that cannot be drawn or sent never holds the digest back.
    if (photos && photoInText) {
      // Email: one message, the chart inline below the text, and a one-click way out of digests.
      const photo = await content.chart(translator);
      const unsubscribeUrl = chat.channel.unsubscribeUrl?.(chat.rowId);
      const message: ChannelMessage = {
        kind: "digest",
        subject: content.subject(translator),
        text,
        buttons: [],
        ...(photo ? { photo } : {}),
        ...(unsubscribeUrl
          ? { unsubscribe: { url: unsubscribeUrl, label: translator.t("email-unsubscribe-link") } }
          : {}),
      };
      if (await sendToLinked(deps, organizationId, chat, message)) sent++;
      continue;
    }
    if (!(await sendToLinked(deps, organizationId, chat, { kind: "digest", text, buttons: [] }))) continue;
    sent++;
    if (photos) {
      // Telegram: the chart as a photo of its own under a short caption.
      const photo = await content.chart(translator);
      if (photo)
        await sendToLinked(deps, organizationId, chat, {
          kind: "chart",
          text: content.chartCaption(translator),
          buttons: [],
          photo,
        });
      continue;
    }
    // Zalo takes a picture only by a public URL it fetches, and the chart is the organization's own: a link to
    // its page (behind sign-in) goes instead.
    const url = chat.channel.pageLink?.(content.page) ?? content.page;
    await sendToLinked(deps, organizationId, chat, {
      kind: "chart",
      text: content.pageLine(translator, url),
      buttons: [],
    });
  }
  return sent;
}

/** The digest of every live milestone of the organization, then its chart, to whom the policy says (the chairman by default). */
export async function sendWeeklyDigest(
  deps: DispatchDeps,
  organizationId: string,
  context: Pick<PlanningContext, "timeZone"> & { policy?: Pick<PlanningContext["policy"], "weeklyDigestTo"> },
): Promise<number> {
  const today = localDay(deps.now(), context.timeZone);
  const milestones = await loadDigestMilestones(deps.db, organizationId, context.timeZone);
  const digest = buildDigest(milestones, today);
  const roles = weeklyDigestRoles(context.policy?.weeklyDigestTo ?? ["chairman"], "office");
  const recipients = await recipientsWithRoles(deps, organizationId, roles);
  const progress = unitProgress(milestones, today);
  const week = formatVietnameseDate(digest.weekOf);
  return deliverDigest(deps, organizationId, recipients, {
    text: (translator) => formatDigest(digest, translator),
    subject: ({ t }) => t("email-digest-subject", { week }),
    chart: async (translator) => {
      const chart = await renderDigestChart(progress, { translator, weekOf: week });
      return chart ? { png: chart.png, fileName: `tien-do-${digest.weekOf}.png` } : undefined;
    },
    chartCaption: ({ t }) => t("chart-title", { week }),
    page: "/overview",
    pageLine: ({ t }, url) => t("zalo-chart-link", { week, url }),
  });
}

/**
 * The province's digest of its communes (the league, its tasks across the
 * communes, the chart: province-digest.ts) to its leaders and reviewer, or
 * its coordinators, as its `weeklyDigestTo` says. Each reads it as
 * themselves: someone no longer allowed to read the communes gets none. A
 * province that has given its communes no work yet sends nothing.
 */
export async function sendProvinceDigest(
  deps: DispatchDeps,
  provinceId: string,
  context: Pick<PlanningContext, "timeZone"> & { policy?: Pick<PlanningContext["policy"], "weeklyDigestTo"> },
): Promise<number> {
  const roles = weeklyDigestRoles(context.policy?.weeklyDigestTo ?? ["chairman"], "province");
  const readers: Recipient[] = [];
  let reader: Viewer | undefined;
  for (const recipient of await recipientsWithRoles(deps, provinceId, roles)) {
    const viewer = await findViewerById(deps.db, recipient.personId);
    if (!viewer || requireReadable(viewer, provinceId)) continue;
    readers.push(recipient);
    reader ??= viewer;
  }
  if (!reader) return 0;
  const today = localDay(deps.now(), context.timeZone);
  const digest = await loadProvinceDigest(deps.db, reader, provinceId, today, context.timeZone);
  if (digest.kind !== "ok" || digest.league.tasks.length === 0) return 0;
  const words = { province: digest.league.provinceName, date: formatVietnameseDate(digest.today) };
  return deliverDigest(deps, provinceId, readers, {
    text: (translator) => formatProvinceDigest(digest, translator),
    subject: ({ t }) => t("province-digest-subject", words),
    chart: async (translator) => {
      const chart = await provinceDigestChart(digest, translator);
      return chart ? { png: chart.png, fileName: `xa-phuong-${digest.today}.png` } : undefined;
    },
    chartCaption: ({ t }) => t("province-digest-chart", words),
    page: "/province",
    pageLine: ({ t }, url) => t("province-digest-zalo-link", { url }),
  });
}

async function timeZoneOf(deps: Pick<DispatchDeps, "db">, organizationId: string): Promise<string | null> {
  const [row] = await deps.db
    .select({ timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row?.timeZone ?? null;
}

/**
 * Once per organization and year: when live milestones or plans reach into a
 * year whose holiday arrangement is not published, the coordinators are told
 * the reminders follow the law for that year. Claimed before sending, so
 * never twice. Returns the number of messages delivered.
 */
export async function sendCalendarNotices(deps: DispatchDeps, organizationId: string): Promise<number> {
  const timeZone = await timeZoneOf(deps, organizationId);
  if (timeZone === null) return 0;
  const today = localDay(deps.now(), timeZone);
  const [reach] = await queryRows<{ last: string | null }>(
    deps.db,
    sql`
    select greatest(
      (select max(m.due) from milestones m join tasks t on t.id = m.task_id
        where m.organization_id = ${organizationId} and t.removed_at is null and m.state not in ('done', 'cancelled')),
      (select max(p.period_end) from plans p where p.organization_id = ${organizationId})
    )::text as last`,
  );
  if (!reach?.last || reach.last < today) return 0;
  let sent = 0;
  for (const year of await yearsNeedingCalendarNotice(deps.db, organizationId, { from: today, to: reach.last })) {
    if (!(await claimCalendarNotice(deps.db, organizationId, year, deps.now()))) continue;
    const tet = statutoryTetBreak(year);
    sent += await sendToAll(
      deps,
      organizationId,
      await recipientsWithRoles(deps, organizationId, ["coordinator"]),
      ({ t }) =>
        t("calendar-unpublished", {
          year: String(year),
          first: formatVietnameseDate(tet.first),
          last: formatVietnameseDate(tet.last),
        }),
    );
  }
  return sent;
}

/** The coordinators' list of tasks still waiting for a date (and, once, the unpublished-year notice). */
export async function sendNeedsDateList(deps: DispatchDeps, organizationId: string): Promise<number> {
  const notices = await sendCalendarNotices(deps, organizationId);
  const rows = await queryRows<{
    section: string | null;
    stt: string | null;
    title: string;
    texts: string[];
  }>(
    deps.db,
    sql`
    select distinct t.section, t.stt, t.title, t.deadline_texts as texts, t.position
    from milestones m join tasks t on t.id = m.task_id
    where m.organization_id = ${organizationId} and t.removed_at is null and m.due is null
      and m.state not in ('done', 'cancelled') and (t.schedule->>'kind') <> 'ongoing'
    order by t.position`,
  );
  if (rows.length === 0) return notices;
  const listed = await sendToAll(
    deps,
    organizationId,
    await recipientsWithRoles(deps, organizationId, ["coordinator"]),
    ({ t }) => {
      const lines = [t("needs-date-title", { count: rows.length })];
      for (const row of rows.slice(0, 40)) {
        const written = row.texts.length > 0 ? ` ("${row.texts.join("; ")}")` : "";
        lines.push(t("needs-date-line", { number: taskNumber(row.section, row.stt), title: row.title, written }));
      }
      if (rows.length > 40) lines.push(t("needs-date-more", { count: rows.length - 40 }));
      return lines.join("\n");
    },
  );
  return notices + listed;
}

/** The weekly sends, each claimed once per organization and instant under its kind and audience role. */
type WeeklyClaim = "digest" | "province-digest" | "needs-date";
const WEEKLY: ReadonlyArray<{ claim: WeeklyClaim; kind: WeeklySendKind; role: Role }> = [
  { claim: "digest", kind: "digest", role: "chairman" },
  { claim: "province-digest", kind: "digest", role: "province_leader" },
  { claim: "needs-date", kind: "needs-date", role: "coordinator" },
];

/** Whether organizations sit under this one (a province's communes): it has their digest to send as well, as /tonghop. */
async function hasOrganizationsUnder(deps: Pick<DispatchDeps, "db">, organizationId: string): Promise<boolean> {
  const [child] = await deps.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.parentId, organizationId))
    .limit(1);
  return child !== undefined;
}

/**
 * This week's digest and needs-date list (and a province's digest of its
 * communes), once their instant has come (the domain's weeklySendDue: Monday
 * at the policy's send time in the organization's zone, the next working day
 * after a Monday off). A sent row per kind, audience and instant claims each
 * send once, so a restart, a second worker or a second pass that week never
 * repeats them, and a process that was off at the instant sends them when it
 * runs later that week. Both the embedded timer and the BullMQ worker call
 * this. Returns the send made, if any.
 */
export async function sendWeeklyIfDue(deps: DispatchDeps, organizationId: string): Promise<WeeklySend | null> {
  const context = await loadPlanningContext(deps.db, organizationId);
  if (!context) return null;
  const send = weeklySendDue(deps.now(), context);
  if (!send) return null;
  const province = await hasOrganizationsUnder(deps, organizationId);
  let claimedAny = false;
  for (const { claim, kind, role } of WEEKLY) {
    if (claim === "province-digest" && !province) continue;
    const claimed = await queryRows<{ id: string }>(
      deps.db,
      sql`
      insert into reminders (organization_id, kind, audience_role, fire_at, state, sent_at)
      values (${organizationId}, ${kind}, ${role}, ${new Date(send.at).toISOString()}::timestamptz, 'sent', now())
      on conflict do nothing returning id`,
    );
    if (claimed.length === 0) continue;
    claimedAny = true;
    if (claim === "digest") await sendWeeklyDigest(deps, organizationId, context);
    else if (claim === "province-digest") await sendProvinceDigest(deps, organizationId, context);
    else await sendNeedsDateList(deps, organizationId);
  }
  return claimedAny ? send : null;
}

/**
 * The organizations that have weekly sends: those with live milestones, and
 * the provinces whose communes hold copies of their work (a province may
 * have none of its own).
 */
export async function organizationsWithWeeklySends(db: Database): Promise<string[]> {
  const rows = await queryRows<{ organization_id: string }>(
    db,
    sql`
    select m.organization_id from milestones m where m.state <> 'cancelled'
    union
    select o.parent_id from tasks t join organizations o on o.id = t.organization_id
    where t.source_task_id is not null and t.removed_at is null and o.parent_id is not null`,
  );
  return rows.map((row) => row.organization_id);
}

/** A weekly send to wake a worker for. */
export interface WeeklySlot {
  organizationId: string;
  fireAt: Date;
}

/**
 * The weekly sends each organization waits for at `now`: next week's, and
 * this week's unless it was already sent (a past one is due at once).
 */
export async function pendingWeeklySlots(deps: Pick<DispatchDeps, "db">, now: Date): Promise<WeeklySlot[]> {
  const slots: WeeklySlot[] = [];
  for (const organizationId of await organizationsWithWeeklySends(deps.db)) {
    const context = await loadPlanningContext(deps.db, organizationId);
    if (!context) continue;
    for (const send of currentAndNextWeeklySends(now, context)) {
      const fireAt = new Date(send.at);
      if (fireAt.getTime() <= now.getTime()) {
        const [sent] = await deps.db
          .select({ id: reminders.id })
          .from(reminders)
          .where(
            and(
              eq(reminders.organizationId, organizationId),
              isNull(reminders.milestoneId),
              eq(reminders.kind, "digest"),
              eq(reminders.fireAt, fireAt),
            ),
          );
        if (sent) continue;
      }
      slots.push({ organizationId, fireAt });
    }
  }
  return slots;
}
