/**
 * A province's communes get their coordinators' invites by mail (real
 * Postgres, a real SMTP server on a loopback port): the list's "Thư điện tử"
 * column, one mail per address after the import commits, the CSV saying per
 * commune whether it went; a bad address writes nothing; a refused mail keeps
 * the import. The command line counts the mails, or says none go without SMTP;
 * the commune's page on the web mails a new invite.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { invites, organizations } from "../../db/schema.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createEmailSide, type EmailSide } from "../../src/runtime/email.js";
import { OPERATOR } from "../../src/services/access.js";
import { createInvite, inviteCodeHash, inviteLink, redeemInvite } from "../../src/services/people/invites.js";
import type { Viewer } from "../../src/services/people/viewer.js";
import { mailCommuneInvite } from "../../src/services/province/commune-invites-mail.js";
import { CommuneListError, inviteLinksCsv, onboardCommunes } from "../../src/services/province/onboarding.js";
import { addOrganization } from "../../src/services/province/organizations.js";
import { createSignInLink } from "../../src/services/web/sessions.js";
import { createWebApp } from "../../src/web/app.js";
import { cli } from "../support/cli.js";
import { createMigratedDatabase, silentLogger, type TestDatabase } from "../support/database.js";
import { joinAs } from "../support/invites.js";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server.js";

const PUBLIC_URL = "https://nhacviec.test";
const BOT = "nhacviec_bot";
const NOW = new Date("2025-03-05T09:00:00+07:00");
let database: TestDatabase & { client: PostgresDatabaseClient };
let smtp: TestSmtpServer;
let email: EmailSide;
const db = () => database.client.db;
const mailer = () => ({ channel: email.channel, linkOf: (code: string) => inviteLink(BOT, code) });

beforeAll(async () => {
  database = await createMigratedDatabase();
  smtp = await startTestSmtpServer();
  const side = createEmailSide(
    { smtpUrl: smtp.url, emailFrom: "nhacviec@tinh.example", publicUrl: PUBLIC_URL, taskLinkSecret: "s".repeat(40) },
    { limiter: createMemoryRateLimiter({ perSecond: 1000, perChatIntervalMs: 0 }), now: () => NOW },
  );
  if (!side) throw new Error("no email side");
  email = side;
  for (const [slug, name] of [
    ["quang-tri", "UBND tỉnh Quảng Trị"],
    ["hue", "UBND thành phố Huế"],
  ]) {
    await addOrganization(db(), OPERATOR, { slug: slug as string, name: name as string, kind: "province" });
  }
});

afterAll(async () => {
  email?.channel.close();
  await smtp?.close();
  await database?.drop();
});

const importList = (csv: string, fileName = "xa.csv", withMailer = true) =>
  onboardCommunes(db(), OPERATOR, {
    parentSlug: "quang-tri",
    fileName,
    bytes: Buffer.from(csv),
    now: NOW,
    ...(withMailer ? { mailer: mailer() } : {}),
  });

describe("invites mailed after an import", () => {
  it("mails each commune with an address its own link, naming the province, the commune and the role", async () => {
    const result = await importList(
      "Tên xã/phường;Họ tên người điều phối;Email người điều phối\n" +
        "Xã Gio Sơn;Nguyễn Văn A;A.Nguyen@GioSon.gov.vn\n" +
        "Xã Gio Linh;Trần Thị B;\n" +
        "Phường Đông Hà;;vanphong@dongha.gov.vn\n",
    );
    if (result.kind !== "onboarded") throw new Error(result.kind);
    expect(result.communes.map((c) => [c.slug, c.email, c.mail])).toEqual([
      ["gio-son", "a.nguyen@gioson.gov.vn", "sent"],
      ["gio-linh", null, "no-address"],
      ["dong-ha", "vanphong@dongha.gov.vn", "sent"],
    ]);
    expect(smtp.arrived.map((a) => a.to).sort()).toEqual(["a.nguyen@gioson.gov.vn", "vanphong@dongha.gov.vn"]);
    const [gioSon] = smtp.mailsTo("a.nguyen@gioson.gov.vn");
    const gioSonCode = result.communes[0]?.code as string;
    expect(gioSon?.subject).toBe("Lời mời làm người điều phối nhắc việc của Xã Gio Sơn");
    expect(gioSon?.text).toContain("Xin chào Nguyễn Văn A,");
    expect(gioSon?.text).toContain("UBND tỉnh Quảng Trị mời anh/chị");
    expect(gioSon?.text).toContain("với vai trò người điều phối (đầu mối văn phòng) của Xã Gio Sơn");
    expect(gioSon?.text).toContain(`https://t.me/${BOT}?start=${gioSonCode}`);
    // Seven days from 09:00 on 05/03 in Hanoi.
    expect(gioSon?.text).toContain("chỉ dùng được một lần, cho một người, và có hiệu lực đến 09:00 ngày 12/03/2025");
    const [dongHa] = smtp.mailsTo("vanphong@dongha.gov.vn");
    expect(dongHa?.text).toContain(`https://t.me/${BOT}?start=${result.communes[2]?.code}`);
    expect(dongHa?.text).toContain("Xin chào,");
    expect(dongHa?.text).not.toContain(gioSonCode);

    const lines = inviteLinksCsv(result.communes, (code) => inviteLink(BOT, code)).split("\r\n");
    expect(lines[0]).toBe("\uFEFFMã,Tên xã/phường,Người điều phối,Liên kết mời,Hết hạn,Thư điện tử,Thư mời");
    expect(lines.slice(1, 4).map((line) => line.split(",").slice(5))).toEqual([
      ["a.nguyen@gioson.gov.vn", "đã gửi"],
      ["", "không có địa chỉ"],
      ["vanphong@dongha.gov.vn", "đã gửi"],
    ]);
  });

  it("refuses a malformed address naming the file, row and column, and writes nothing", async () => {
    smtp.arrived.length = 0;
    const attempt = importList(
      "STT,Tên xã/phường,Thư điện tử\n1,Xã Cam Lộ,camlo@camlo.gov.vn\n2,Xã Cam Hiếu,camhieu@\n",
      "them.csv",
    );
    await expect(attempt).rejects.toBeInstanceOf(CommuneListError);
    await expect(attempt).rejects.toThrow(
      'them.csv (dòng 3, cột "Thư điện tử"): "camhieu@" không phải địa chỉ thư điện tử',
    );
    const written = await db()
      .select()
      .from(organizations)
      .where(inArray(organizations.slug, ["cam-lo", "cam-hieu"]));
    expect(written).toEqual([]);
    expect(smtp.arrived).toEqual([]);
  });

  it("keeps the import when the mail server refuses an address, and says that mail did not go", async () => {
    smtp.refusing.set("hailang@bi-tu-choi.vn", 550);
    const result = await importList(
      "Tên xã/phường,Email\nXã Hải Lăng,hailang@bi-tu-choi.vn\nXã Hải Phú,haiphu@haiphu.gov.vn\n",
    );
    if (result.kind !== "onboarded") throw new Error(result.kind);
    expect(result.communes.map((c) => [c.slug, c.mail])).toEqual([
      ["hai-lang", "failed"],
      ["hai-phu", "sent"],
    ]);
    const [haiLang] = await db().select().from(organizations).where(eq(organizations.slug, "hai-lang"));
    expect(haiLang?.kind).toBe("commune");
    const stored = await db()
      .select()
      .from(invites)
      .where(eq(invites.codeHash, inviteCodeHash(result.communes[0]?.code as string)));
    expect(stored).toHaveLength(1);
    expect(inviteLinksCsv(result.communes, (code) => code)).toContain("hailang@bi-tu-choi.vn,chưa gửi được\r\n");
  });

  it("mails nothing without the email channel, the CSV saying so for rows that had an address", async () => {
    smtp.arrived.length = 0;
    const result = await importList("Tên xã/phường,Email\nXã Triệu Phong,trieuphong@tp.gov.vn\n", "xa.csv", false);
    if (result.kind !== "onboarded") throw new Error(result.kind);
    expect(result.communes.map((c) => c.mail)).toEqual(["off"]);
    expect(smtp.arrived).toEqual([]);
    expect(inviteLinksCsv(result.communes, (code) => code)).toContain("trieuphong@tp.gov.vn,chưa bật gửi thư\r\n");
  });
});

describe("the command line", () => {
  const env = (withSmtp: boolean) => ({
    DATABASE_URL: database.url,
    TELEGRAM_BOT_USERNAME: BOT,
    ...(withSmtp ? { SMTP_URL: smtp.url, EMAIL_FROM: "nhacviec@tinh.example", PUBLIC_URL } : {}),
  });

  it("counts the mails sent, refused and without an address; without SMTP it says none went", async () => {
    smtp.arrived.length = 0;
    smtp.refusing.set("bi@tu-choi.vn", 550);
    const dir = mkdtempSync(join(tmpdir(), "nhacviec-invite-mail-"));
    writeFileSync(
      join(dir, "xa.csv"),
      "Tên xã/phường;Thư điện tử\nXã Vĩnh Linh;vinhlinh@vl.gov.vn\nXã Vĩnh Hoà;bi@tu-choi.vn\nXã Vĩnh Tú;\n",
    );
    const out = join(dir, "links.csv");
    const run = await cli(["org", "import", join(dir, "xa.csv"), "--parent", "quang-tri", "--out", out], env(true));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Thư mời: 1 đã gửi, 1 chưa gửi được, 1 không có địa chỉ.");
    expect(smtp.mailsTo("vinhlinh@vl.gov.vn")[0]?.text).toContain(`https://t.me/${BOT}?start=`);
    expect(readFileSync(out, "utf8")).toContain("vinhlinh@vl.gov.vn,đã gửi");

    writeFileSync(join(dir, "xa2.csv"), "Tên xã/phường;Thư điện tử\nXã Cồn Tiên;contien@ct.gov.vn\n");
    const off = await cli(["org", "import", join(dir, "xa2.csv"), "--parent", "quang-tri", "--json"], env(false));
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toMatchObject({ mails: { sent: 0, failed: 0, none: 0, off: 1 } });
    const said = await cli(["org", "import", join(dir, "xa2.csv"), "--parent", "quang-tri"], env(false));
    expect(said.stdout).toContain("Chưa cấu hình gửi thư (SMTP_URL, EMAIL_FROM, PUBLIC_URL): không gửi thư mời nào");
    expect(smtp.mailsTo("contien@ct.gov.vn")).toEqual([]);
  });
});

describe("a commune's invite mailed again from the province", () => {
  let coordinator: Viewer;
  let communeId: string;

  beforeAll(async () => {
    const [province] = await db().select().from(organizations).where(eq(organizations.slug, "quang-tri"));
    // Joined after the communes were added: the viewer is read with the communes it oversees.
    coordinator = await joinAs(db(), { userId: 7001, role: "coordinator", organizationId: province!.id, now: NOW });
    const [gioSon] = await db().select().from(organizations).where(eq(organizations.slug, "gio-son"));
    communeId = gioSon!.id;
  });

  it("mails a new invite to the address the coordinator gives; another province's commune is not found", async () => {
    smtp.arrived.length = 0;
    const sent = await mailCommuneInvite({ db: db(), mailer: mailer(), now: NOW }, coordinator, {
      communeId,
      address: " Moi@GioSon.gov.vn ",
      coordinatorName: null,
    });
    expect(sent).toMatchObject({ kind: "mailed", communeName: "Xã Gio Sơn", address: "moi@gioson.gov.vn", sent: true });
    expect(smtp.mailsTo("moi@gioson.gov.vn")[0]?.subject).toBe("Lời mời làm người điều phối nhắc việc của Xã Gio Sơn");

    const added = await addOrganization(db(), OPERATOR, {
      slug: "phu-hoi",
      name: "Phường Phú Hội",
      kind: "commune",
      parentSlug: "hue",
    });
    const sibling = await mailCommuneInvite({ db: db(), mailer: mailer(), now: NOW }, coordinator, {
      communeId: (added as { id: string }).id,
      address: "x@phuhoi.vn",
      coordinatorName: null,
    });
    expect(sibling).toEqual({ kind: "not-found" });
    expect(smtp.mailsTo("x@phuhoi.vn")).toEqual([]);
  });

  it("stops the commune's earlier invites from above once a new one is mailed; the commune's own stay", async () => {
    const codeMailedTo = (address: string) =>
      /start=([A-Za-z0-9_-]+)/.exec(smtp.mailsTo(address).at(-1)?.text ?? "")?.[1] as string;
    const mail = (address: string) =>
      mailCommuneInvite({ db: db(), mailer: mailer(), now: NOW }, coordinator, {
        communeId,
        address,
        coordinatorName: null,
      });
    await mail("lan-dau@gioson.gov.vn");
    const first = codeMailedTo("lan-dau@gioson.gov.vn");
    // The commune's own coordinator invites a colleague: theirs, untouched by the province's resend.
    const own = await joinAs(db(), { userId: 7101, role: "coordinator", organizationId: communeId, now: NOW });
    const theirs = await createInvite(db(), own, { organizationId: communeId, role: "coordinator", now: NOW });
    if (theirs.kind !== "created") throw new Error("the commune's invite was refused");
    await mail("lan-hai@gioson.gov.vn");
    const second = codeMailedTo("lan-hai@gioson.gov.vn");

    const live = await db()
      .select({ codeHash: invites.codeHash })
      .from(invites)
      .where(and(eq(invites.organizationId, communeId), isNull(invites.usedAt), gt(invites.expiresAt, NOW)));
    expect(live.map((row) => row.codeHash).sort()).toEqual(
      [inviteCodeHash(second), inviteCodeHash(theirs.code)].sort(),
    );
    const late = await redeemInvite(db(), { code: first, telegramUserId: 7102, chatId: 7102, fullName: "x", now: NOW });
    expect(late.kind).not.toBe("joined");
    const joined = await redeemInvite(db(), {
      code: second,
      telegramUserId: 7103,
      chatId: 7103,
      fullName: "x",
      now: NOW,
    });
    expect(joined.kind).toBe("joined");

    // A mail the server refuses leaves the links the commune already has.
    await mail("lan-ba@gioson.gov.vn");
    const third = codeMailedTo("lan-ba@gioson.gov.vn");
    smtp.refusing.set("sai@gioson.gov.vn", 550);
    expect(await mail("sai@gioson.gov.vn")).toMatchObject({ kind: "mailed", sent: false });
    const [stillLive] = await db()
      .select({ expiresAt: invites.expiresAt })
      .from(invites)
      .where(eq(invites.codeHash, inviteCodeHash(third)));
    expect(stillLive!.expiresAt.getTime()).toBeGreaterThan(NOW.getTime());
  });

  it("offers the form on the commune's page and sends from it; a bad address is named", async () => {
    const web = createWebApp({
      db: db(),
      logger: silentLogger,
      now: () => NOW,
      publicUrl: PUBLIC_URL,
      botToken: "123:TEST",
      botUsername: BOT,
      email,
    });
    const token = await createSignInLink(db(), coordinator, NOW);
    const signedIn = await web.request("/signin", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }).toString(),
    });
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const page = await web.request(`/province/communes/${communeId}`, { headers: { cookie } });
    const html = await page.text();
    expect(html).toContain(`action="/province/communes/${communeId}/invite"`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] as string;
    const post = (fields: Record<string, string>) =>
      web.request(`/province/communes/${communeId}/invite`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: PUBLIC_URL },
        body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      });
    const bad = await post({ email: "khong-phai" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("không phải địa chỉ email hợp lệ");
    smtp.arrived.length = 0;
    const ok = await post({ email: "lan2@gioson.gov.vn", name: "Lê Văn C" });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Đã gửi thư mời tới lan2@gioson.gov.vn cho Xã Gio Sơn");
    expect(smtp.mailsTo("lan2@gioson.gov.vn")[0]?.text).toContain("Xin chào Lê Văn C,");

    // The province's coordinator uploads a list: the invites go by mail, the CSV says so.
    const body = new FormData();
    body.set("_csrf", csrf);
    body.set("file", new File(["Tên xã/phường,Email\nXã Cam Thủy,camthuy@ct.gov.vn\n"], "them.csv"));
    const upload = await web.request("/province/communes/import", {
      method: "POST",
      headers: { cookie, origin: PUBLIC_URL },
      body,
    });
    expect(upload.status).toBe(200);
    expect(await upload.text()).toContain("camthuy@ct.gov.vn,đã gửi");
    expect(smtp.mailsTo("camthuy@ct.gov.vn")[0]?.text).toContain("UBND tỉnh Quảng Trị mời anh/chị");
  });
});
