/** People on Telegram for tests that build their world in SQL: the person row and their Telegram chat row. */
import type postgres from "postgres";

export async function insertTelegramPerson(
  sql: postgres.Sql,
  person: {
    organizationId: string;
    fullName: string;
    /** Their Telegram account and chat (the same number, as for a private chat); null: never opened a chat. */
    chatId: number | null;
    /** When Telegram refused them (they blocked the bot). */
    unreachableSince?: Date | string | null;
    /** An organization-wide role (coordinator, chairman) to give them. */
    role?: "coordinator" | "chairman";
  },
): Promise<string> {
  const [row] = await sql`insert into people (organization_id, full_name, telegram_user_id)
    values (${person.organizationId}, ${person.fullName}, ${person.chatId}) returning id`;
  const id = row!.id as string;
  if (person.chatId !== null)
    await sql`insert into person_channels (organization_id, person_id, channel, chat_id, unreachable_since)
      values (${person.organizationId}, ${id}, 'telegram', ${String(person.chatId)},
              ${person.unreachableSince ? new Date(person.unreachableSince).toISOString() : null}::timestamptz)`;
  if (person.role)
    await sql`insert into memberships (organization_id, person_id, role)
      values (${person.organizationId}, ${id}, ${person.role})`;
  return id;
}
