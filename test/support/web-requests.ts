/**
 * The web app through `app.request` (no browser, no port): a person joined
 * by invite, the app on a test database and clock, a form POST, and a session
 * got through the sign-in form as a browser gets one.
 */
import { expect } from "vitest";
import type { Database } from "../../db/client.js";
import type { Role } from "../../src/domain/milestones/index.js";
import { redeemInvite } from "../../src/services/people/invites.js";
import { findViewer, type Viewer } from "../../src/services/people/viewer.js";
import { createSignInLink } from "../../src/services/web/sessions.js";
import { createWebApp } from "../../src/web/app.js";
import { silentLogger } from "./database.js";
import { operatorInvite } from "./invites.js";

export const TEST_PUBLIC_URL = "https://nhacviec.test";

/** A person of `organizationId` with `role` (and unit), joined through a one-time invite. */
export async function joinedPerson(
  db: Database,
  organizationId: string,
  telegramUserId: number,
  role: Role,
  options: { unit?: string | undefined; now: Date },
): Promise<Viewer> {
  const invite = await operatorInvite(db, { organizationId, role, unitName: options.unit ?? null, now: options.now });
  await redeemInvite(db, {
    code: invite.code,
    telegramUserId,
    chatId: telegramUserId,
    fullName: `Người ${telegramUserId}`,
    now: options.now,
  });
  return (await findViewer(db, telegramUserId)) as Viewer;
}

/** The web app on a test database and clock, with a sign-in limit no test reaches unless it sets one. */
export function testWebApp(
  db: Database,
  clock: { now: Date },
  signInLimit = { max: 1000, windowMs: 60_000 },
  options: { evidenceDir?: string } = {},
) {
  return createWebApp({
    db,
    logger: silentLogger,
    now: () => clock.now,
    publicUrl: TEST_PUBLIC_URL,
    botToken: "123:TEST",
    signInLimit,
    ...options,
  });
}

/** A form POST as a browser sends it. */
export const formPost = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

/** Signs in through a fresh link; the session cookie and the page's CSRF token. */
export async function signInThroughForm(
  app: ReturnType<typeof testWebApp>,
  db: Database,
  viewer: Viewer,
  now: Date,
): Promise<{ cookie: string; csrf: string }> {
  const token = await createSignInLink(db, viewer, now);
  const response = await app.request("/signin", formPost({ token }));
  expect(response.status).toBe(303);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const page = await app.request("/plan", { headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] as string;
  return { cookie, csrf };
}
