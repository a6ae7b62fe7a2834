/**
 * Sign-in for the web app without passwords: a one-time link the bot sends,
 * or Telegram's signed Mini App data; either becomes a session kept in
 * Postgres. Tokens are random and only their sha256 is stored.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { people, webSessions, webSignInLinks } from "../../../db/schema.js";
import type { Refused } from "../access.js";
import { findViewer, findViewerById, type Viewer } from "../people/viewer.js";

/** A link is for opening now, from the chat: ten minutes. */
export const SIGN_IN_LINK_TTL_MS = 10 * 60 * 1000;
/** A working week: long enough for an office PC, short enough that a forgotten browser expires. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const hashOf = (token: string): string => createHash("sha256").update(token).digest("hex");
const newToken = (): string => randomBytes(32).toString("base64url");

/** A fresh one-time link token for the viewer; the caller builds the URL. */
export async function createSignInLink(db: Database, viewer: Viewer, now: Date): Promise<string> {
  const token = newToken();
  await db.insert(webSignInLinks).values({
    organizationId: viewer.organizationId,
    personId: viewer.personId,
    tokenHash: hashOf(token),
    expiresAt: new Date(now.getTime() + SIGN_IN_LINK_TTL_MS),
    createdAt: now,
  });
  return token;
}

export interface WebSession {
  /** The cookie's value: shown once, never stored. */
  token: string;
  csrfToken: string;
  viewer: Viewer;
}

async function openSession(db: Database, viewer: Viewer, method: "link" | "mini-app", now: Date): Promise<WebSession> {
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(webSessions).values({
    organizationId: viewer.organizationId,
    personId: viewer.personId,
    tokenHash: hashOf(token),
    csrfToken,
    method,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    createdAt: now,
  });
  return { token, csrfToken, viewer };
}

export type SignInResult = { kind: "signed-in"; session: WebSession } | Refused<"not-found" | "not-allowed">;

/**
 * Spends a link: unknown, expired or used links are refused alike (not-found);
 * a link of a person deactivated since is not-allowed. Taken with a
 * conditional update, so two clicks at once sign in once.
 */
export async function redeemSignInLink(db: Database, token: string, now: Date): Promise<SignInResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { kind: "not-found" };
  const [link] = await db
    .update(webSignInLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(webSignInLinks.tokenHash, hashOf(token)),
        isNull(webSignInLinks.usedAt),
        gt(webSignInLinks.expiresAt, now),
      ),
    )
    .returning({ personId: webSignInLinks.personId });
  if (!link) return { kind: "not-found" };
  const viewer = await activeViewer(db, link.personId);
  if (!viewer) return { kind: "not-allowed" };
  return { kind: "signed-in", session: await openSession(db, viewer, "link", now) };
}

/** A session for the Telegram account behind verified Mini App data; a stranger is not-allowed. */
export async function signInTelegramUser(db: Database, telegramUserId: number, now: Date): Promise<SignInResult> {
  const viewer = await findViewer(db, telegramUserId);
  if (!viewer) return { kind: "not-allowed" };
  return { kind: "signed-in", session: await openSession(db, viewer, "mini-app", now) };
}

async function activeViewer(db: Database, personId: string): Promise<Viewer | null> {
  const [person] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, personId), isNull(people.deactivatedAt)));
  return person ? findViewerById(db, personId) : null;
}

/** The viewer and CSRF token behind a session cookie, or null: unknown, expired, revoked, or the person deactivated. */
export async function findSession(
  db: Database,
  token: string,
  now: Date,
): Promise<{ viewer: Viewer; csrfToken: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({ personId: webSessions.personId, csrfToken: webSessions.csrfToken })
    .from(webSessions)
    .innerJoin(people, eq(people.id, webSessions.personId))
    .where(
      and(
        eq(webSessions.tokenHash, hashOf(token)),
        isNull(webSessions.revokedAt),
        gt(webSessions.expiresAt, now),
        isNull(people.deactivatedAt),
      ),
    );
  if (!row) return null;
  const viewer = await findViewerById(db, row.personId);
  return viewer ? { viewer, csrfToken: row.csrfToken } : null;
}

/** Signs one browser out. */
export async function revokeSession(db: Database, token: string, now: Date): Promise<void> {
  await db
    .update(webSessions)
    .set({ revokedAt: now })
    .where(eq(webSessions.tokenHash, hashOf(token)));
}
