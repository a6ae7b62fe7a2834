/**
 * The public routes of the email channel, reached from a mail without a
 * session: the token in the path is the only key. Opening a link changes
 * nothing (mail scanners open links); the button on the page posts. The
 * digest's List-Unsubscribe-Post (RFC 8058) posts to the same address.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { type Context, Hono } from "hono";
import { limitBody } from "./body-limit.js";
import type { Database } from "../../db/client.js";
import type { TaskLinkMac } from "../domain/links/index.js";
import { translatorFor } from "../i18n/i18n.js";
import { recordEmailBounce } from "../services/delivery/email-bounces.js";
import {
  confirmEmailAddress,
  pendingEmailConfirmation,
  unsubscribeFromDigests,
} from "../services/people/email-addresses.js";
import { type Html, html } from "./html.js";
import { layout } from "./pages/layout.js";
import { messagePage } from "./pages/sign-in-pages.js";
import { SECURITY_HEADERS } from "./security.js";

/** The paths the mails link to (runtime/email.ts builds the links). */
export const EMAIL_CONFIRM_PATH = "/email/xac-nhan";
export const EMAIL_UNSUBSCRIBE_PATH = "/email/huy-tong-hop";

const TOKEN = /^[A-Za-z0-9_.-]{10,120}$/;

/** Where the mail server posts a bounce (the raw delivery status notification), with `Authorization: Bearer <EMAIL_BOUNCE_SECRET>`. */
export const EMAIL_BOUNCE_PATH = "/email/bounce";

/** A bounce carries the original message's headers, sometimes all of it: enough for a report, not a mailbox. */
const BOUNCE_LIMIT_BYTES = 1024 * 1024;

/** Compares secrets in constant time, so the answer's timing says nothing about how much of a guess was right. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export function createEmailRoutes(deps: {
  db: Database;
  now: () => Date;
  mac?: TaskLinkMac | undefined;
  bounceSecret?: string | undefined;
}): Hono {
  const app = new Hono();
  const { t } = translatorFor("vi");
  const send = (c: Context, status: number, title: string, body: Html) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    c.header("cache-control", "no-store");
    return c.html(layout({ t, lang: "vi", title, viewer: null }, body).value, status as 200);
  };
  const ask = (c: Context, title: string, question: string, button: string) =>
    send(
      c,
      200,
      title,
      html`<div class="signin card">
        <h1>${title}</h1>
        <p>${question}</p>
        <form method="post" action="${c.req.path}"><button type="submit">${button}</button></form>
      </div>`,
    );
  // Only these paths: this sub-app is mounted at the root of the public app, where "*" would be every request.
  for (const path of [EMAIL_CONFIRM_PATH, EMAIL_UNSUBSCRIBE_PATH]) app.use(`${path}/*`, limitBody(4096));
  app.use(EMAIL_BOUNCE_PATH, limitBody(BOUNCE_LIMIT_BYTES));

  // The secret is checked before the body is read; the mail server gets a status, not a page.
  app.post(EMAIL_BOUNCE_PATH, async (c) => {
    const secret = deps.bounceSecret;
    if (!secret) return c.body(null, 404);
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
    if (!sameSecret(given, secret)) return c.body(null, 401);
    const result = await recordEmailBounce(deps.db, await c.req.text(), deps.now());
    if (result.kind === "not-a-report") return c.json({ error: "not a delivery status notification" }, 422);
    return c.json({ bounced: result.bounced, marked: result.marked }, 202);
  });

  app.get(`${EMAIL_CONFIRM_PATH}/:token`, async (c) => {
    const token = c.req.param("token");
    const pending = TOKEN.test(token) ? await pendingEmailConfirmation(deps.db, token, deps.now()) : null;
    if (!pending)
      return send(
        c,
        404,
        t("email-confirm-title"),
        messagePage(t, t("email-confirm-title"), t("email-confirm-invalid")),
      );
    return ask(
      c,
      t("email-confirm-title"),
      t("email-confirm-ask", { address: pending.address }),
      t("email-confirm-button"),
    );
  });
  app.post(`${EMAIL_CONFIRM_PATH}/:token`, async (c) => {
    const token = c.req.param("token");
    const result = TOKEN.test(token)
      ? await confirmEmailAddress(deps.db, token, deps.now())
      : { kind: "invalid" as const };
    const title = t("email-confirm-title");
    if (result.kind === "confirmed")
      return send(c, 200, title, messagePage(t, title, t("email-confirmed", { address: result.address })));
    if (result.kind === "taken")
      return send(c, 409, title, messagePage(t, title, t("email-address-taken", { address: result.address })));
    return send(c, 404, title, messagePage(t, title, t("email-confirm-invalid")));
  });

  app.get(`${EMAIL_UNSUBSCRIBE_PATH}/:token`, (c) =>
    ask(c, t("email-unsubscribe-title"), t("email-unsubscribe-ask"), t("email-unsubscribe-button")),
  );
  app.post(`${EMAIL_UNSUBSCRIBE_PATH}/:token`, async (c) => {
    const token = c.req.param("token");
    const title = t("email-unsubscribe-title");
    const done =
      deps.mac && TOKEN.test(token) ? await unsubscribeFromDigests(deps.db, deps.mac, token, deps.now()) : false;
    return done
      ? send(c, 200, title, messagePage(t, title, t("email-unsubscribed")))
      : send(c, 404, title, messagePage(t, title, t("email-unsubscribe-invalid")));
  });
  return app;
}
