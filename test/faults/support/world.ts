/**
 * Organizations of many people with one send each, and the tally a fault
 * scenario prints: who got nothing, who got a message twice, how late the
 * latest first message was.
 */
import { randomBytes } from "node:crypto";
import type { PostgresDatabaseClient } from "../../../db/client.js";
import type { ChannelUnderTest } from "./channel.js";

export interface FaultOrganization {
  organizationId: string;
  /** The addresses due one message, by channel name. */
  addresses: Record<string, number[]>;
  /** When its one send is due. */
  fireAt: Date;
}

/**
 * One organization: a unit of `people` members and one milestone years ahead
 * (the reconciler plans nothing near now for it), with one send to the unit at
 * `fireAt` for the milestone's current version. With two channels the people
 * are mixed: one in ten on both, the others alternately on one or the other.
 */
export async function createFaultOrganization(
  client: PostgresDatabaseClient,
  channels: ChannelUnderTest[],
  options: { people: number; firstAddress: number; fireAt: Date },
): Promise<FaultOrganization> {
  const { sql } = client;
  const slug = `org-${randomBytes(4).toString("hex")}`;
  const [organization] = await sql`insert into organizations (slug, name) values (${slug}, 'UBND xã Thử') returning id`;
  const organizationId = organization!.id as string;
  const [unit] = await sql`insert into units (organization_id, name, name_key)
    values (${organizationId}, 'Văn phòng – Thống kê', 'van phong thong ke') returning id`;
  const [plan] = await sql`insert into plans (organization_id, title, year, period_start, period_end, plan_key)
    values (${organizationId}, 'KH', 2030, '2030-01-01', '2030-12-31', 'kh') returning id`;
  const [task] =
    await sql`insert into tasks (organization_id, plan_id, task_key, section, stt, title, deadline_texts, schedule, position, source)
    values (${organizationId}, ${plan!.id}, 'I|1|0', 'I', '1', 'Xây dựng Kế hoạch CCHC', '["Quý IV/2030"]',
            '{"kind":"dated"}', 0, '{}') returning id`;
  await sql`insert into task_units (organization_id, task_id, unit_id, relation, name_in_plan)
    values (${organizationId}, ${task!.id}, ${unit!.id}, 'lead', 'Văn phòng – Thống kê')`;
  const [milestone] = await sql`insert into milestones (organization_id, task_id, milestone_key, start, due)
    values (${organizationId}, ${task!.id}, 'm0', '2030-10-01', '2030-12-31') returning id, version`;
  const addresses = Array.from({ length: options.people }, (_, i) => options.firstAddress + i);
  const channelsOf = (i: number) =>
    channels.length === 1 || i % 10 === 0 ? channels : [channels[i % 2] as ChannelUnderTest];
  const byChannel: Record<string, number[]> = Object.fromEntries(channels.map((channel) => [channel.name, []]));
  const rows = addresses.map((address, i) => {
    for (const channel of channelsOf(i)) byChannel[channel.name]!.push(address);
    return {
      organization_id: organizationId,
      full_name: `Công chức ${i + 1}`,
      ...Object.assign({}, ...channelsOf(i).map((channel) => channel.personColumns(address))),
    };
  });
  // One insert takes one column list: a column one person lacks is null for them.
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  for (const row of rows as Array<Record<string, unknown>>) for (const column of columns) row[column] ??= null;
  for (let i = 0; i < rows.length; i += 500) {
    const created = await sql`insert into people ${sql(rows.slice(i, i + 500))} returning id`;
    const bound = created.flatMap((person, j) =>
      channelsOf(i + j).flatMap((channel) => {
        const chat = channel.boundChat?.(addresses[i + j]!);
        return chat ? [{ organization_id: organizationId, person_id: person.id as string, ...chat }] : [];
      }),
    );
    if (bound.length > 0) await sql`insert into person_channels ${sql(bound)}`;
    await sql`insert into memberships ${sql(
      created.map((person) => ({
        organization_id: organizationId,
        person_id: person.id as string,
        role: "member",
        unit_id: unit!.id as string,
      })),
    )}`;
  }
  await sql`insert into reminders (organization_id, milestone_id, milestone_version, kind, audience_role, audience_unit_id, fire_at)
    values (${organizationId}, ${milestone!.id}, ${milestone!.version}, 'reminder', 'member', ${unit!.id}, ${options.fireAt.toISOString()}::timestamptz)`;
  return { organizationId, addresses: byChannel, fireAt: options.fireAt };
}

export interface FaultTally {
  scenario: string;
  channel: string;
  recipients: number;
  lost: number;
  duplicated: number;
  latestSendSecondsLate: number;
}

/** Compares what arrived with what each organization was due, and prints the tally as one JSON line. */
export function tally(
  scenario: string,
  channel: ChannelUnderTest,
  organizations: FaultOrganization[],
  arrivals: Array<{ address: number; at: number }>,
): FaultTally {
  const firstAt = new Map<number, number>();
  const counts = new Map<number, number>();
  for (const arrival of arrivals) {
    counts.set(arrival.address, (counts.get(arrival.address) ?? 0) + 1);
    if (!firstAt.has(arrival.address)) firstAt.set(arrival.address, arrival.at);
  }
  let lost = 0;
  let duplicated = 0;
  let late = 0;
  let recipients = 0;
  for (const organization of organizations) {
    for (const address of organization.addresses[channel.name] ?? []) {
      recipients++;
      const count = counts.get(address) ?? 0;
      if (count === 0) lost++;
      else {
        duplicated += count - 1;
        late = Math.max(late, ((firstAt.get(address) as number) - organization.fireAt.getTime()) / 1000);
      }
    }
  }
  const result = {
    scenario,
    channel: channel.name,
    recipients,
    lost,
    duplicated,
    latestSendSecondsLate: Number(late.toFixed(1)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}
