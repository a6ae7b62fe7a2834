/**
 * A bounce that comes back after SMTP accepted the mail: the mail server
 * posts its delivery status notification to POST /email/bounce. The address
 * stops getting mail; a person left with no channel is told to the
 * coordinators in the words of a refused mailbox, once.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { translatorFor } from "../../src/i18n/i18n.js";
import { processEvents } from "../../src/services/notifications/notifications-service.js";
import type { Notifier, OutgoingMessage } from "../../src/services/notifier.js";
import { createEmailRoutes } from "../../src/web/email-routes.js";
import { cli } from "../support/cli.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";
import { insertTelegramPerson } from "../support/people.js";

const SECRET = "bounce-secret-of-the-mail-server";
const bounce = readFileSync(new URL("../fixtures/email/postfix-bounce.eml", import.meta.url), "utf8");
const now = new Date("2025-03-05T09:15:00+07:00");

let database: TestDatabase & { client: PostgresDatabaseClient };
let organizationId: string;
let accountant: string;
beforeAll(async () => {
  database = await createMigratedDatabase();
  const { sql } = database.client;
  const [organization] =
    await sql`insert into organizations (slug, name) values ('gio-son', 'UBND xã Gio Sơn') returning id`;
  organizationId = organization!.id as string;
  const coordinator = await insertTelegramPerson(sql, { organizationId, fullName: "Nguyễn Điều Phối", chatId: 601 });
  await sql`insert into memberships (organization_id, person_id, role) values (${organizationId}, ${coordinator}, 'coordinator')`;
  // On email only: the bounced mailbox is their last channel.
  const [person] =
    await sql`insert into people (organization_id, full_name) values (${organizationId}, 'Lê Kế Toán') returning id`;
  accountant = person!.id as string;
  const [unit] = await sql`insert into units (organization_id, name, name_key)
    values (${organizationId}, 'Tài chính – Kế toán', 'tai chinh ke toan') returning id`;
  await sql`insert into memberships (organization_id, person_id, role, unit_id)
    values (${organizationId}, ${accountant}, 'member', ${unit!.id})`;
  await sql`insert into person_channels (organization_id, person_id, channel, chat_id)
    values (${organizationId}, ${accountant}, 'email', 'ke.toan.cu@xa.gov.vn')`;
  // On Telegram and email: the delayed address of the same report.
  const office = await insertTelegramPerson(sql, { organizationId, fullName: "Văn Phòng", chatId: 602 });
  await sql`insert into person_channels (organization_id, person_id, channel, chat_id)
    values (${organizationId}, ${office}, 'email', 'van.phong@xa.gov.vn')`;
}, 60_000);
afterAll(async () => {
  await database.drop();
});

const routes = () => createEmailRoutes({ db: database.client.db, now: () => now, bounceSecret: SECRET });
const post = (body: string, secret = SECRET) =>
  routes().request("/email/bounce", {
    method: "POST",
    body,
    headers: { authorization: `Bearer ${secret}`, "content-type": "message/rfc822" },
  });

function telegram(): Notifier & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    sent,
    send(message) {
      sent.push(message);
      return Promise.resolve({ messageId: sent.length });
    },
  };
}

describe("POST /email/bounce", () => {
  it("refuses a wrong secret and a mail that is no report, and changes nothing", async () => {
    expect((await post(bounce, "not-the-secret-at-all-no")).status).toBe(401);
    expect((await post("Subject: Chào\r\n\r\nXin chào")).status).toBe(422);
    const off = createEmailRoutes({ db: database.client.db, now: () => now });
    expect((await off.request("/email/bounce", { method: "POST", body: bounce })).status).toBe(404);
    const marked = await database.client
      .sql`select count(*)::int as n from person_channels where unreachable_since is not null`;
    expect(marked[0]!.n).toBe(0);
  });

  it("marks the hard-bounced address unreachable and tells the coordinator once; a delayed one stays", async () => {
    const answer = await post(bounce);
    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({ bounced: ["ke.toan.cu@xa.gov.vn"], marked: 1 });
    const rows = await database.client.sql`select chat_id, unreachable_since is not null as unreachable
      from person_channels where channel = 'email' order by chat_id`;
    expect(rows.map((r) => [r.chat_id, r.unreachable])).toEqual([
      ["ke.toan.cu@xa.gov.vn", true],
      ["van.phong@xa.gov.vn", false],
    ]);
    // The same report posted again (a retrying mail server) tells nobody twice.
    expect(await (await post(bounce)).json()).toEqual({ bounced: ["ke.toan.cu@xa.gov.vn"], marked: 0 });

    const chat = telegram();
    await processEvents({
      db: database.client.db,
      logger: silentLogger,
      now: () => now,
      notifier: chat,
      limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }),
    });
    const { t } = translatorFor("vi");
    expect(chat.sent.map((m) => [m.chatId, m.text])).toEqual([
      [601, t("unreachable-person-email", { name: "Lê Kế Toán" })],
    ]);
  });

  it("takes the same report from the command line, for a mail server's pipe", async () => {
    const { sql } = database.client;
    await sql`update person_channels set unreachable_since = null where chat_id = 'ke.toan.cu@xa.gov.vn'`;
    const env = { DATABASE_URL: database.url };
    const taken = await cli(["email", "bounce"], env, bounce);
    expect(taken).toMatchObject({
      code: 0,
      stdout: "Địa chỉ bị từ chối: ke.toan.cu@xa.gov.vn; đã đánh dấu không nhận được 1.\n",
    });
    const [row] = await sql`select unreachable_since is not null as unreachable from person_channels
      where chat_id = 'ke.toan.cu@xa.gov.vn'`;
    expect(row!.unreachable).toBe(true);
    expect(await cli(["email", "bounce"], env, "Subject: Chào\r\n\r\nXin chào")).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("không phải thư báo lỗi gửi"),
    });
    expect((await cli(["email"], env, "")).code).toBe(2);
  });
});
