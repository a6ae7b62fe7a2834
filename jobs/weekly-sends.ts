import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { buildDigest, type DigestMilestone, formatDigest } from "../src/domain/reminders/index.js";
import { queryRows } from "../db/client.js";
import { type DispatchDeps, sendWithRetries } from "./dispatch-slot.js";

async function chatsOf(
  deps: DispatchDeps,
  organizationId: string,
  role: "chairman" | "coordinator",
): Promise<number[]> {
  const rows = await queryRows<{ chat_id: string }>(
    deps.db,
    sql`
    select distinct p.telegram_chat_id::text as chat_id from memberships ms join people p on p.id = ms.person_id
    where ms.organization_id = ${organizationId} and ms.role = ${role}
      and p.telegram_chat_id is not null and p.unreachable_since is null`,
  );
  return rows.map((row) => Number(row.chat_id));
}

async function sendToAll(deps: DispatchDeps, chats: number[], text: string): Promise<number> {
  let sent = 0;
  for (const chatId of chats) {
    const outcome = await sendWithRetries(deps, chatId, { text, buttons: [] });
    if (outcome.kind === "sent") sent++;
    else deps.logger.warn({ chatId, outcome }, "weekly message not delivered");
  }
  return sent;
}

/** Monday 08:00: the chairman's digest of every live milestone of the organization. */
export async function sendWeeklyDigest(
  deps: DispatchDeps,
  organizationId: string,
  timeZone = "Asia/Ho_Chi_Minh",
): Promise<number> {
  const rows = await queryRows<{
    section: string | null;
    stt: string | null;
    title: string;
    unit: string | null;
    due: string | null;
    state: DigestMilestone["state"];
    completed_on: string | null;
  }>(
    deps.db,
    sql`
    select t.section, t.stt, t.title, m.due::text as due, m.state,
           (m.completed_at at time zone ${timeZone})::date::text as completed_on,
           (select u.name from task_units tu join units u on u.id = tu.unit_id
             where tu.task_id = t.id and tu.relation = 'lead' order by u.name limit 1) as unit
    from milestones m join tasks t on t.id = m.task_id
    where m.organization_id = ${organizationId} and t.removed_at is null`,
  );
  const today = DateTime.fromJSDate(deps.now(), { zone: timeZone }).toISODate() as string;
  const digest = buildDigest(
    rows.map((r) => ({ ...r, completedOn: r.completed_on })),
    today,
  );
  return sendToAll(deps, await chatsOf(deps, organizationId, "chairman"), formatDigest(digest));
}

/** Monday 08:00: the coordinators' list of tasks still waiting for a date. */
export async function sendNeedsDateList(deps: DispatchDeps, organizationId: string): Promise<number> {
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
  if (rows.length === 0) return 0;
  const lines = [`📅 ${rows.length} việc chưa có thời hạn, cần đặt ngày:`];
  for (const row of rows.slice(0, 40)) {
    const written = row.texts.length > 0 ? ` ("${row.texts.join("; ")}")` : "";
    lines.push(`- ${row.section ?? ""}.${row.stt ?? ""} ${row.title}${written}`);
  }
  if (rows.length > 40) lines.push(`… và ${rows.length - 40} việc khác`);
  return sendToAll(deps, await chatsOf(deps, organizationId, "coordinator"), lines.join("\n"));
}
