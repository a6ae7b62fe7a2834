/**
 * A commune coordinator's invite sent by mail in the province's name: after
 * `org import` (or the /province upload) for each row with an address, and
 * later from the commune's page for one commune. A mail is sent once the
 * invite is stored; a failed send undoes nothing (the CSV of links stays the
 * way), it is only reported.
 */
import { and, eq, gt, isNull, ne } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { invites, organizations } from "../../../db/schema.js";
import type { DeliveryChannel } from "../../channels/channel.js";
import { normalizeEmailAddress } from "../../domain/email/email-address.js";
import { formatLocalDate } from "../../domain/planning/planning-context.js";
import { translatorFor } from "../../i18n/i18n.js";
import { hasAccess, type Principal, type Refused, requireReadable } from "../access.js";
import { sendOnChannel } from "../delivery/deliver.js";
import { createInvite, inviteCodeHash } from "../people/invites.js";

/** How a commune's invite mail went: sent, refused or lost, no address in the list, or email not configured. */
export type InviteMailStatus = "sent" | "failed" | "no-address" | "off";

/** What mailing invites needs: the email channel, and the invite's link from its code (the Telegram deep link). */
export interface InviteMailer {
  channel: DeliveryChannel;
  linkOf: (code: string) => string;
}

export interface InviteToMail {
  communeName: string;
  coordinatorName: string | null;
  email: string | null;
  code: string;
  expiresAt: Date;
}

/** The province as its mails name it, and the zone the expiry is told in. */
async function provinceOf(db: Database, provinceId: string): Promise<{ name: string; timeZone: string } | null> {
  const [row] = await db
    .select({ name: organizations.name, timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, provinceId));
  return row ?? null;
}

async function mailOne(
  mailer: InviteMailer,
  province: { name: string; timeZone: string },
  invite: InviteToMail & { email: string },
): Promise<boolean> {
  const { t } = translatorFor("vi");
  const time = new Intl.DateTimeFormat("vi-VN", {
    timeZone: province.timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(invite.expiresAt);
  const name = invite.coordinatorName ?? "";
  try {
    const outcome = await sendOnChannel(mailer.channel, invite.email, {
      kind: "confirmation",
      subject: t("commune-invite-mail-subject", { commune: invite.communeName }),
      text: t("commune-invite-mail-text", {
        name: name === "" ? "" : ` ${name}`,
        province: province.name,
        commune: invite.communeName,
        link: mailer.linkOf(invite.code),
        time,
        expires: formatLocalDate(invite.expiresAt, province.timeZone),
      }),
      buttons: [],
    });
    return outcome.kind === "sent";
  } catch {
    // A mail server that fails in a way the channel does not classify is still only a mail not sent.
    return false;
  }
}

/**
 * Mails each invite with an address, one after another, in `provinceId`'s
 * name; the statuses in the invites' order. Without a mailer nothing is sent
 * ("off"). Call it after the invites' transaction committed.
 */
export async function mailCommuneInvites(
  db: Database,
  mailer: InviteMailer | undefined,
  provinceId: string,
  invites: readonly InviteToMail[],
): Promise<InviteMailStatus[]> {
  const province = mailer && invites.some((i) => i.email) ? await provinceOf(db, provinceId) : null;
  const statuses: InviteMailStatus[] = [];
  for (const invite of invites) {
    if (invite.email === null) statuses.push("no-address");
    else if (!mailer || !province) statuses.push("off");
    else statuses.push((await mailOne(mailer, province, { ...invite, email: invite.email })) ? "sent" : "failed");
  }
  return statuses;
}

export type CommuneInviteMailResult =
  | Refused<"not-found" | "not-allowed">
  | { kind: "invalid"; address: string }
  | { kind: "mailed"; communeName: string; address: string; sent: boolean; expiresAt: Date };

/**
 * A province's coordinator sends (or sends again) a commune's coordinator
 * invite to `address`: a new one-time invite, mailed. Once it is sent, the
 * commune's earlier unused coordinator invites made from above (the
 * onboarding list, an earlier mail, the operator) stop working: a new one is
 * sent because the old went astray (a wrong address, a forwarded mail), and
 * that link must not still let someone in. Invites the commune's own
 * coordinators made are theirs and stay. A commune not under the viewer is
 * not found.
 */
export async function mailCommuneInvite(
  deps: { db: Database; mailer: InviteMailer; now: Date },
  principal: Principal,
  request: { communeId: string; address: string; coordinatorName: string | null },
): Promise<CommuneInviteMailResult> {
  const refused = requireReadable(principal, request.communeId);
  if (refused) return refused;
  // The commune's own people invite through their people page; this is the province's.
  if (!hasAccess(principal, "organization.assign", { organizationId: request.communeId }))
    return { kind: "not-allowed" };
  const [commune] = await deps.db
    .select({ id: organizations.id, name: organizations.name, parentId: organizations.parentId })
    .from(organizations)
    .where(eq(organizations.id, request.communeId));
  if (!commune?.parentId) return { kind: "not-found" };
  const address = normalizeEmailAddress(request.address);
  if (!address) return { kind: "invalid", address: request.address.trim() };
  const invite = await createInvite(deps.db, principal, {
    organizationId: commune.id,
    role: "coordinator",
    fullName: request.coordinatorName,
    now: deps.now,
  });
  if (invite.kind !== "created") return { kind: invite.kind === "not-found" ? "not-found" : "not-allowed" };
  const [status] = await mailCommuneInvites(deps.db, deps.mailer, commune.parentId, [
    {
      communeName: commune.name,
      coordinatorName: request.coordinatorName,
      email: address,
      code: invite.code,
      expiresAt: invite.expiresAt,
    },
  ]);
  // Only once the new invite is on its way: a mail that did not go leaves the earlier links the commune has.
  if (status === "sent")
    await deps.db
      .update(invites)
      .set({ expiresAt: deps.now })
      .where(
        and(
          eq(invites.organizationId, commune.id),
          eq(invites.role, "coordinator"),
          isNull(invites.createdByPersonId),
          isNull(invites.usedAt),
          gt(invites.expiresAt, deps.now),
          ne(invites.codeHash, inviteCodeHash(invite.code)),
        ),
      );
  return { kind: "mailed", communeName: commune.name, address, sent: status === "sent", expiresAt: invite.expiresAt };
}
