/**
 * A person stops or resumes their weekly digest from the chat (`/tonghop tắt`,
 * `/tonghop bật`), on every channel they have: the email's one-click link
 * stops one address, but someone who reads the digest in the chat asks for
 * themselves. Reminders and notices are untouched; only the weekly digest
 * (weekly-sends.ts skips a channel row with `digest_unsubscribed_at`) stops.
 */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { personChannels } from "../../../db/schema.js";
import type { DigestSwitch } from "../../domain/messages/index.js";

/** Whether anything changed: "unchanged" when the digest was already off (or on) everywhere. */
export type WeeklyDigestChoice = "changed" | "unchanged";

export async function chooseWeeklyDigest(
  db: Database,
  person: { personId: string; organizationId: string },
  choice: DigestSwitch,
  now: Date,
): Promise<WeeklyDigestChoice> {
  const mine = and(
    eq(personChannels.personId, person.personId),
    eq(personChannels.organizationId, person.organizationId),
  );
  const changed =
    choice === "off"
      ? await db
          .update(personChannels)
          .set({ digestUnsubscribedAt: now })
          .where(and(mine, isNull(personChannels.digestUnsubscribedAt)))
          .returning({ id: personChannels.id })
      : await db
          .update(personChannels)
          .set({ digestUnsubscribedAt: null })
          .where(and(mine, isNotNull(personChannels.digestUnsubscribedAt)))
          .returning({ id: personChannels.id });
  return changed.length > 0 ? "changed" : "unchanged";
}
