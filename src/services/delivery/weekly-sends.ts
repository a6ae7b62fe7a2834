import { and, eq, isNull, sql } from "drizzle-orm";
import { queryRows } from "../../../db/client.js";
import { organizations, reminders } from "../../../db/schema.js";
import { formatVietnameseDate, statutoryTetBreak } from "../../domain/calendar/index.js";
import {
  currentAndNextWeeklySends,
  localDay,
  type PlanningContext,
  type WeeklySend,
  weeklySendDue,
} from "../../domain/planning/index.js";
import { buildDigest, unitProgress, type WeeklySendKind } from "../../domain/reminders/index.js";
import { type Translator, translatorFor } from "../../i18n/i18n.js";
import { claimCalendarNotice, yearsNeedingCalendarNotice } from "../calendar.js";
import { loadPlanningContext } from "../planning/planning-context.js";
import { taskNumber } from "../reminders/compose-message.js";
import { formatDigest, loadDigestMilestones } from "../reminders/digest-message.js";
import { organizationsWithMilestones } from "../reminders/sync-reminders.js";
import { renderDigestChart } from "../reports/digest-chart.js";
import type { ChannelMessage, DeliveryChannel } from "../../channels/channel.js";
import { channelsOf, markChannelUnreachable, sendOnChannel } from "./deliver.js";
import type { DispatchDeps } from "./dispatch-due.js";
import { isReachable, reachableChannelsOf } from "./reachable.js";

/** Someone a weekly message goes to, reachable on some channel. */
interface Recipient {
  personId: string;
}

async function recipientsWithRole(
  deps: DispatchDeps,
  organizationId: string,
  role: "chairman" | "coordinator",
): Promise<Recipient[]> {
  const rows = await queryRows<{ person_id: string }>(
    deps.db,
    sql`
    select distinct p.id as person_id
    from memberships ms join people p on p.id = ms.person_id
    where ms.organization_id = ${organizationId} and ms.role = ${role}
      and ${isReachable("p")}`,
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

/** The digest of every live milestone of the organization, then its chart, to whom the policy says (the chairman by default). */
export async function sendWeeklyDigest(
  deps: DispatchDeps,
  organizationId: string,
  context: Pick<PlanningContext, "timeZone"> & { policy?: Pick<PlanningContext["policy"], "weeklyDigestTo"> },
): Promise<number> {
  const today = localDay(deps.now(), context.timeZone);
  const milestones = await loadDigestMilestones(deps.db, organizationId, context.timeZone);
  const digest = buildDigest(milestones, today);
  const recipients: Recipient[] = [];
  for (const to of context.policy?.weeklyDigestTo ?? ["chairman"]) {
    for (const recipient of await recipientsWithRole(
      deps,
      organizationId,
      to === "chairman" ? "chairman" : "coordinator",
    ))
      if (!recipients.some((r) => r.personId === recipient.personId)) recipients.push(recipient);
  }
  // The chart follows the text; a chart that cannot be drawn or sent never holds the digest back.
  const progress = unitProgress(milestones, today);
  const week = formatVietnameseDate(digest.weekOf);
  const chartFor = async (translator: Translator) => {
    const chart = await renderDigestChart(progress, { translator, weekOf: week });
    return chart ? { png: chart.png, fileName: `tien-do-${digest.weekOf}.png` } : undefined;
  };
  let sent = 0;
  for (const chat of await linkedChatsOf(deps, recipients, "digest")) {
    const translator = translatorFor(chat.locale);
    const text = formatDigest(digest, translator);
    const { photos, photoInText } = chat.channel.capabilities;
    if (photos && photoInText) {
      // Email: one message, the chart inline below the text, and a one-click way out of digests.
      const photo = await chartFor(translator);
      const unsubscribeUrl = chat.channel.unsubscribeUrl?.(chat.rowId);
      const message: ChannelMessage = {
        kind: "digest",
        subject: translator.t("email-digest-subject", { week }),
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
      const photo = await chartFor(translator);
      if (photo)
        await sendToLinked(deps, organizationId, chat, {
          kind: "chart",
          text: translator.t("chart-title", { week }),
          buttons: [],
          photo,
        });
      continue;
    }
    // Zalo takes a picture only by a public URL it fetches, and the chart is the office's progress: a link to
    // the overview page (behind sign-in) goes instead.
    const chartLink = translator.t("zalo-chart-link", {
      week,
      url: chat.channel.pageLink?.("/overview") ?? "/overview",
    });
    await sendToLinked(deps, organizationId, chat, { kind: "chart", text: chartLink, buttons: [] });
  }
  return sent;
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
      await recipientsWithRole(deps, organizationId, "coordinator"),
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
    await recipientsWithRole(deps, organizationId, "coordinator"),
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

const WEEKLY: ReadonlyArray<{ kind: WeeklySendKind; role: "chairman" | "coordinator" }> = [
  { kind: "digest", role: "chairman" },
  { kind: "needs-date", role: "coordinator" },
];

/**
 * This week's digest and needs-date list, once their instant has come (the
 * domain's weeklySendDue: Monday at the policy's send time in the
 * organization's zone, the next working day after a Monday off). A sent row
 * per kind and instant claims each send once, so a restart, a second worker
 * or a second pass that week never repeats them, and a process that was off
 * at the instant sends them when it runs later that week. Both the embedded
 * timer and the BullMQ worker call this. Returns the send made, if any.
 */
export async function sendWeeklyIfDue(deps: DispatchDeps, organizationId: string): Promise<WeeklySend | null> {
  const context = await loadPlanningContext(deps.db, organizationId);
  if (!context) return null;
  const send = weeklySendDue(deps.now(), context);
  if (!send) return null;
  let claimedAny = false;
  for (const { kind, role } of WEEKLY) {
    const claimed = await queryRows<{ id: string }>(
      deps.db,
      sql`
      insert into reminders (organization_id, kind, audience_role, fire_at, state, sent_at)
      values (${organizationId}, ${kind}, ${role}, ${new Date(send.at).toISOString()}::timestamptz, 'sent', now())
      on conflict do nothing returning id`,
    );
    if (claimed.length === 0) continue;
    claimedAny = true;
    if (kind === "digest") await sendWeeklyDigest(deps, organizationId, context);
    else await sendNeedsDateList(deps, organizationId);
  }
  return claimedAny ? send : null;
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
  for (const organizationId of await organizationsWithMilestones(deps.db)) {
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
