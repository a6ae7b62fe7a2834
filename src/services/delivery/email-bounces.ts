/**
 * A bounce that arrives after SMTP accepted the mail: the mail server's
 * delivery status notification, handed over by POST /email/bounce (or the
 * CLI). A permanent failure marks the address unreachable, as a 5xx at RCPT
 * does during the send; when the person has no channel left, the coordinators
 * hear of it (a `person.unreachable` event, in the same words as for a
 * blocked Telegram chat), so they call instead. Temporary failures (4.x.x,
 * `delayed`) change nothing: the mail server is still trying.
 */
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../../db/client.js";
import { hardBounces, readDeliveryStatusReport } from "../../domain/email/delivery-status.js";
import { recordEvent } from "../events/outbox.js";
import { isReachable } from "./reachable.js";

export type EmailBounceResult =
  | { kind: "not-a-report" }
  /** `bounced`: the hard-bounced addresses the report names; `marked`: channel rows newly marked unreachable. */
  | { kind: "recorded"; bounced: string[]; marked: number };

export async function recordEmailBounce(db: Database, raw: string, now: Date): Promise<EmailBounceResult> {
  const report = readDeliveryStatusReport(raw);
  if (report.kind !== "report") return { kind: "not-a-report" };
  const bounced = hardBounces(report);
  if (bounced.length === 0) return { kind: "recorded", bounced, marked: 0 };
  return db.transaction(async (tx) => {
    // Every organization's row of the address: one mailbox, one answer. A row already marked is left as it is.
    const marked = await queryRows<{ organization_id: string; person_id: string }>(
      tx,
      sql`update person_channels set unreachable_since = ${now.toISOString()}::timestamptz
          where channel = 'email' and unreachable_since is null
            and chat_id in (${sql.join(
              bounced.map((address) => sql`${address}`),
              sql`, `,
            )})
          returning organization_id, person_id`,
    );
    for (const row of marked) {
      const [still] = await queryRows<{ reachable: boolean }>(
        tx,
        sql`select ${isReachable("p")} as reachable from people p where p.id = ${row.person_id}`,
      );
      if (still?.reachable) continue;
      await recordEvent(
        tx,
        row.organization_id,
        { type: "person.unreachable", personId: row.person_id, channel: "email" },
        now,
      );
    }
    return { kind: "recorded", bounced, marked: marked.length };
  });
}
