/**
 * `/email` in the chat: a coordinator gives a person's address by the name
 * `/nguoi` shows; a confirmation mail reaches a real SMTP server, and its
 * link turns the address on. A member cannot set one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createEmailSide, type EmailSide } from "../../src/runtime/email.js";
import { createEmailRoutes } from "../../src/web/email-routes.js";
import { ask, type BotWorld, startBotWorld, VAN_PHONG } from "../support/bot-world.js";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server.js";

let world: BotWorld;
let smtp: TestSmtpServer;
let email: EmailSide;
let coordinator: SimulatedUser;
let member: SimulatedUser;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  const side = createEmailSide(
    {
      smtpUrl: smtp.url,
      emailFrom: "nhacviec@xa.example",
      publicUrl: "https://nhacviec.xa.example",
      taskLinkSecret: "a-test-secret-of-at-least-32-characters-long",
    },
    { limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }), now: () => new Date() },
  );
  if (!side) throw new Error("no email side");
  email = side;
  world = await startBotWorld({ extraDeps: () => ({ email }) });
  coordinator = await world.join(501, "coordinator", undefined, { name: "Nguyễn Thị VP" });
  member = await world.join(502, "member", VAN_PHONG, { name: "Phạm Thị Thống" });
}, 60_000);
afterAll(async () => {
  await world.stop();
  email.channel.close();
  await smtp.close();
});

describe("/email", () => {
  it("mails a confirmation link to the address a coordinator gives, and the link turns it on", async () => {
    const reply = await ask(coordinator, "/email phạm thị thống Thong.PT@xa.example");
    expect(reply.text).toBe(
      "Đã gửi thư xác nhận tới thong.pt@xa.example. Thư nhắc việc chỉ được gửi sau khi Phạm Thị Thống mở liên kết trong thư.",
    );
    const mail = smtp.mailsTo("thong.pt@xa.example").at(-1);
    expect(mail?.text).toContain("Xin chào Phạm Thị Thống");
    const link = /https:\/\/\S+\/email\/xac-nhan\/\S+/.exec(mail?.text ?? "")?.[0] ?? "";
    const routes = createEmailRoutes({ db: world.database.client.db, now: () => world.clock.now, mac: email.mac });
    const confirmed = await routes.request(new URL(link).pathname, { method: "POST" });
    expect(await confirmed.text()).toContain("Đã xác nhận: nhắc việc sẽ được gửi tới thong.pt@xa.example");
    const rows = await world.database.client.sql`select chat_id from person_channels where channel = 'email'`;
    expect(rows.map((r) => r.chat_id)).toEqual(["thong.pt@xa.example"]);
  });

  it("explains the command when the name or the address is wrong, and refuses a member", async () => {
    expect((await ask(coordinator, "/email Không Có Ai x@xa.example")).text).toContain("Cách dùng: /email");
    expect((await ask(coordinator, "/email Phạm Thị Thống x@y")).text).toBe("“x@y” không phải địa chỉ email hợp lệ.");
    const refused = await ask(member, "/email Nguyễn Thị VP vp@xa.example");
    expect(refused.text).not.toContain("Đã gửi thư xác nhận");
    expect(smtp.mailsTo("vp@xa.example")).toEqual([]);
  });
});
