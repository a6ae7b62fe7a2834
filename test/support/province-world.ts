/**
 * Many organizations due at the same minute, for the province benchmark and
 * the fairness tests: each has `units` units of `peoplePerUnit` people and
 * `tasks` tasks spread over the units, one milestone each years ahead (the
 * reconcile pass plans nothing near now for it) and one send per task to its
 * lead unit at `fireAt`. Rows go in with one statement per table and
 * organization, so 100 offices take seconds to set up.
 */
import type { PostgresDatabaseClient } from "../../db/client.js";

export interface ProvinceOrganization {
  organizationId: string;
  /** The Telegram chats of its people (chat id = user id). */
  chatIds: number[];
}

export interface ProvinceWorldOptions {
  organizations: number;
  tasks: number;
  units: number;
  peoplePerUnit: number;
  /** Chat ids are numbered from here, organization after organization. */
  firstChatId: number;
  fireAt: Date;
}

export async function createProvinceWorld(
  client: PostgresDatabaseClient,
  options: ProvinceWorldOptions,
): Promise<ProvinceOrganization[]> {
  const { sql } = client;
  const people = options.units * options.peoplePerUnit;
  const created: ProvinceOrganization[] = [];
  for (let o = 0; o < options.organizations; o++) {
    const firstChat = options.firstChatId + o * people;
    const [organization] = await sql`insert into organizations (slug, name)
      values (${`xa-${o + 1}-${firstChat}`}, ${`UBND xã Thử ${o + 1}`}) returning id`;
    const organizationId = organization!.id as string;
    const units = await sql`insert into units (organization_id, name, name_key)
      select ${organizationId}, 'Bộ phận ' || u, 'bo phan ' || u from generate_series(1, ${options.units}) u
      returning id`;
    const unitIds = units.map((unit) => unit.id as string);
    const [plan] = await sql`insert into plans (organization_id, title, year, period_start, period_end, plan_key)
      values (${organizationId}, 'KH CCHC', 2030, '2030-01-01', '2030-12-31', 'kh') returning id`;
    const tasks =
      await sql`insert into tasks (organization_id, plan_id, task_key, section, stt, title, deadline_texts, schedule, position, source)
      select ${organizationId}, ${plan!.id}, 'I|' || t || '|0', 'I', t::text, 'Nhiệm vụ cải cách hành chính số ' || t,
             '["Quý IV/2030"]', '{"kind":"dated"}', t, '{}'
      from generate_series(1, ${options.tasks}) t returning id, position`;
    const taskRows = tasks.map((task) => ({
      taskId: task.id as string,
      unitId: unitIds[(Number(task.position) - 1) % unitIds.length] as string,
    }));
    await sql`insert into task_units ${sql(
      taskRows.map((row) => ({
        organization_id: organizationId,
        task_id: row.taskId,
        unit_id: row.unitId,
        relation: "lead",
        name_in_plan: "Bộ phận",
      })),
    )}`;
    const milestones = await sql`insert into milestones ${sql(
      taskRows.map((row) => ({
        organization_id: organizationId,
        task_id: row.taskId,
        milestone_key: "m0",
        start: "2030-10-01",
        due: "2030-12-31",
      })),
    )} returning id, version, task_id`;
    const unitOfTask = new Map(taskRows.map((row) => [row.taskId, row.unitId]));
    await sql`insert into reminders ${sql(
      milestones.map((milestone) => ({
        organization_id: organizationId,
        milestone_id: milestone.id as string,
        milestone_version: milestone.version as number,
        kind: "reminder",
        audience_role: "member",
        audience_unit_id: unitOfTask.get(milestone.task_id as string) as string,
        fire_at: options.fireAt.toISOString(),
      })),
    )}`;
    const chatIds = Array.from({ length: people }, (_, i) => firstChat + i);
    const persons = await sql`insert into people ${sql(
      chatIds.map((chatId, i) => ({
        organization_id: organizationId,
        full_name: `Công chức ${i + 1}`,
        telegram_user_id: chatId,
      })),
    )} returning id`;
    await sql`insert into person_channels ${sql(
      persons.map((person, i) => ({
        organization_id: organizationId,
        person_id: person.id as string,
        channel: "telegram",
        chat_id: String(chatIds[i]),
      })),
    )}`;
    await sql`insert into memberships ${sql(
      persons.map((person, i) => ({
        organization_id: organizationId,
        person_id: person.id as string,
        role: "member",
        unit_id: unitIds[i % unitIds.length] as string,
      })),
    )}`;
    created.push({ organizationId, chatIds });
  }
  return created;
}
