import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { queryRows } from "../db/client.js";
import { type Translator, translatorFor } from "../src/i18n/i18n.js";
import { taskNumber } from "../src/services/reminders/compose-message.js";
import { formatVietnameseDate, statutoryTetBreak } from "../src/domain/calendar/index.js";
import { claimCalendarNotice, yearsNeedingCalendarNotice } from "../src/services/calendar.js";
import { buildDigest, unitProgress } from "../src/domain/reminders/index.js";
import { formatDigest, loadDigestMilestones } from "../src/services/reminders/digest-message.js";
import { renderDigestChart } from "../src/services/reports/digest-chart.js";
import { type DispatchDeps, sendWithRetries } from "./dispatch-slot.js";

interface Recipient {
  chatId: number;
  locale: string;
}

async function recipientsWithRole(
  deps: DispatchDeps,
  organizationId: string,
  role: "chairman" | "coordinator",
): Promise<Recipient[]> {
  const rows = await queryRows<{ chat_id: string; locale: string }>(
    deps.db,
    sql`
    select distinct p.telegram_chat_id::text as chat_id, p.locale from memberships ms join people p on p.id = ms.person_id
    where ms.organization_id = ${organizationId} and ms.role = ${role}
      and p.telegram_chat_id is not null and p.unreachable_since is null`,
  );
  return rows.map((row) => ({ chatId: Number(row.chat_id), locale: row.locale }));
}

/** Sends each recipient the text in their language. */
async function sendToAll(
  deps: DispatchDeps,
  recipients: Recipient[],
  textFor: (translator: Translator) => string,
): Promise<number> {
  let sent = 0;
  for (const recipient of recipients) {
    const text = textFor(translatorFor(recipient.locale));
    const outcome = await sendWithRetries(deps, recipient.chatId, { text, buttons: [] });
    if (outcome.kind === "sent") sent++;
    else deps.logger.warn({ chatId: recipient.chatId, outcome }, "weekly message not delivered");
  }
  return sent;
}

/** Monday 08:00: the chairman's digest of every live milestone of the organization. */
export async function sendWeeklyDigest(
  deps: DispatchDeps,
  organizationId: string,
  timeZone = "Asia/Ho_Chi_Minh",
): Promise<number> {
  const today = DateTime.fromJSDate(deps.now(), { zone: timeZone }).toISODate() as string;
  const milestones = await loadDigestMilestones(deps.db, organizationId, timeZone);
  const digest = buildDigest(milestones, today);
  const recipients = await recipientsWithRole(deps, organizationId, "chairman");
  const sent = await sendToAll(deps, recipients, (translator) => formatDigest(digest, translator));
  // The chart follows the text; a chart that cannot be drawn or sent never holds the digest back.
  const progress = unitProgress(milestones, today);
  for (const recipient of recipients) {
    const translator = translatorFor(recipient.locale);
    const chart = await renderDigestChart(progress, { translator, weekOf: formatVietnameseDate(digest.weekOf) });
    if (!chart) break;
    const outcome = await sendWithRetries(deps, recipient.chatId, {
      text: translator.t("chart-title", { week: formatVietnameseDate(digest.weekOf) }),
      buttons: [],
      photo: { png: chart.png, fileName: `tien-do-${digest.weekOf}.png` },
    });
    if (outcome.kind !== "sent") deps.logger.warn({ chatId: recipient.chatId, outcome }, "digest chart not delivered");
  }
  return sent;
}

/**
 * Once per organization and year: when live milestones or plans reach into a
 * year whose holiday arrangement is not published, the coordinators are told
 * the reminders follow the law for that year. Claimed before sending, so
 * never twice. Returns the number of messages delivered.
 */
export async function sendCalendarNotices(
  deps: DispatchDeps,
  organizationId: string,
  timeZone = "Asia/Ho_Chi_Minh",
): Promise<number> {
  const today = DateTime.fromJSDate(deps.now(), { zone: timeZone }).toISODate() as string;
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
    sent += await sendToAll(deps, await recipientsWithRole(deps, organizationId, "coordinator"), ({ t }) =>
      t("calendar-unpublished", {
        year: String(year),
        first: formatVietnameseDate(tet.first),
        last: formatVietnameseDate(tet.last),
      }),
    );
  }
  return sent;
}

/** Monday 08:00: the coordinators' list of tasks still waiting for a date (and, once, the unpublished-year notice). */
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
  const listed = await sendToAll(deps, await recipientsWithRole(deps, organizationId, "coordinator"), ({ t }) => {
    const lines = [t("needs-date-title", { count: rows.length })];
    for (const row of rows.slice(0, 40)) {
      const written = row.texts.length > 0 ? ` ("${row.texts.join("; ")}")` : "";
      lines.push(t("needs-date-line", { number: taskNumber(row.section, row.stt), title: row.title, written }));
    }
    if (rows.length > 40) lines.push(t("needs-date-more", { count: rows.length - 40 }));
    return lines.join("\n");
  });
  return notices + listed;
}

/**
 * The embedded mode's Monday 08:00 (the Redis mode has BullMQ job schedulers):
 * a sent row for the week's digest and needs-date list claims each send once,
 * so a restart or a second pass that week never repeats them. A process that
 * was off on Monday sends them when it starts later that week.
 */
export async function sendWeeklyIfDue(
  deps: DispatchDeps,
  organizationId: string,
  timeZone = "Asia/Ho_Chi_Minh",
): Promise<void> {
  const local = DateTime.fromJSDate(deps.now(), { zone: timeZone });
  const mondayAtEight = local.startOf("week").set({ hour: 8 });
  if (local < mondayAtEight) return;
  const sends = [
    { kind: "digest", role: "chairman", send: () => sendWeeklyDigest(deps, organizationId, timeZone) },
    { kind: "needs-date", role: "coordinator", send: () => sendNeedsDateList(deps, organizationId) },
  ] as const;
  for (const { kind, role, send } of sends) {
    const claimed = await queryRows<{ id: string }>(
      deps.db,
      sql`
      insert into reminders (organization_id, kind, audience_role, fire_at, state, sent_at)
      values (${organizationId}, ${kind}, ${role}, ${mondayAtEight.toUTC().toISO()}::timestamptz, 'sent', now())
      on conflict do nothing returning id`,
    );
    if (claimed.length > 0) await send();
  }
}
