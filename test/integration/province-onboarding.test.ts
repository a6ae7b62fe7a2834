/**
 * A province onboards its communes from one file: each commune under the
 * province with an invite for its coordinator, or, for a file with a bad row,
 * nothing at all and every bad row named.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import { invites, organizations } from "../../db/schema.js";
import { OPERATOR } from "../../src/services/access.js";
import { CommuneListError, inviteLinksCsv, onboardCommunes } from "../../src/services/province/onboarding.js";
import { addOrganization } from "../../src/services/province/organizations.js";
import { cli } from "../support/cli.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
let province: string;
const NOW = new Date("2025-03-05T09:00:00+07:00");
const db = () => database.client.db;

beforeAll(async () => {
  database = await createMigratedDatabase();
  const made = await addOrganization(db(), OPERATOR, {
    slug: "quang-tri",
    name: "UBND tỉnh Quảng Trị",
    kind: "province",
  });
  province = (made as { id: string }).id;
});

afterAll(async () => {
  await database?.drop();
});

describe("onboarding communes from one file", () => {
  it("writes nothing for a file with bad rows, and names each row and column in Vietnamese", async () => {
    const csv = "STT;Tên xã/phường;Người điều phối\n1;Xã Gio Sơn;A\n2;;B\n3;Xã Gio Sơn;C\n";
    const attempt = onboardCommunes(db(), OPERATOR, {
      parentSlug: "quang-tri",
      fileName: "xa.csv",
      bytes: Buffer.from(csv),
      now: NOW,
    });
    await expect(attempt).rejects.toBeInstanceOf(CommuneListError);
    await expect(attempt).rejects.toThrow(
      'xa.csv (dòng 3, cột "Tên xã/phường"): để trống tên xã/phường\n' +
        'xa.csv (dòng 4, cột "Tên xã/phường"): mã "gio-son" trùng với dòng 2; hãy ghi cột "Mã"',
    );
    expect(await db().select().from(organizations).where(eq(organizations.parentId, province))).toEqual([]);
  });

  it("adds the communes of a sheet under the province with one coordinator's invite each, and a CSV of the links", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Danh sách");
    sheet.addRow(["STT", "Tên xã/phường", "Họ và tên cán bộ điều phối"]);
    sheet.addRow([1, "Xã Gio Sơn", "Nguyễn Văn A"]);
    sheet.addRow([2, "Phường Đông Hà", "Trần Thị B"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await onboardCommunes(db(), OPERATOR, {
      parentSlug: "quang-tri",
      fileName: "xa.xlsx",
      bytes,
      now: NOW,
    });
    if (result.kind !== "onboarded") throw new Error(result.kind);
    expect(result.communes.map((c) => [c.slug, c.coordinatorName, c.created])).toEqual([
      ["gio-son", "Nguyễn Văn A", true],
      ["dong-ha", "Trần Thị B", true],
    ]);
    const children = await db().select().from(organizations).where(eq(organizations.parentId, province));
    expect(children.map((c) => [c.slug, c.kind]).sort()).toEqual([
      ["dong-ha", "commune"],
      ["gio-son", "commune"],
    ]);
    const made = await db().select().from(invites);
    expect(made.map((i) => [i.role, i.fullName]).sort()).toEqual([
      ["coordinator", "Nguyễn Văn A"],
      ["coordinator", "Trần Thị B"],
    ]);
    const links = inviteLinksCsv(result.communes, (code) => `https://t.me/bot?start=${code}`);
    expect(links.split("\r\n")[1]).toBe(
      `gio-son,Xã Gio Sơn,Nguyễn Văn A,https://t.me/bot?start=${result.communes[0]?.code},${result.communes[0]?.expiresAt.toISOString()},,không có địa chỉ`,
    );
  });

  it("refuses a slug that another province already uses, naming its row", async () => {
    await addOrganization(db(), OPERATOR, { slug: "hue", name: "UBND Huế", kind: "province" });
    await addOrganization(db(), OPERATOR, {
      slug: "phu-hoi",
      name: "Phường Phú Hội",
      kind: "commune",
      parentSlug: "hue",
    });
    const attempt = onboardCommunes(db(), OPERATOR, {
      parentSlug: "quang-tri",
      fileName: "them.csv",
      bytes: Buffer.from("Tên xã/phường\nXã Cam Lộ\nPhường Phú Hội\n"),
      now: NOW,
    });
    await expect(attempt).rejects.toThrow('them.csv (dòng 3): mã "phu-hoi" đã là của một tổ chức khác');
    const [camLo] = await db().select().from(organizations).where(eq(organizations.slug, "cam-lo"));
    expect(camLo).toBeUndefined();
  });
});

describe("the command line", () => {
  const env = () => ({ DATABASE_URL: database.url, TELEGRAM_BOT_USERNAME: "nhacviec_bot" });

  it("adds an organization under a province and refuses an unknown parent", async () => {
    const added = await cli(["org", "add", "cam-lo", "--name", "Xã Cam Lộ", "--parent", "quang-tri", "--json"], env());
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ slug: "cam-lo", kind: "created" });
    const [camLo] = await db().select().from(organizations).where(eq(organizations.slug, "cam-lo"));
    expect(camLo).toMatchObject({ parentId: province, kind: "commune" });
    const orphan = await cli(["org", "add", "x", "--name", "X", "--parent", "khong-co"], env());
    expect(orphan).toMatchObject({ code: 1, stderr: 'nhacviec: tổ chức "khong-co": không tìm thấy\n' });
  });

  it("onboards a CSV and writes the links file; a bad row fails the run naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nhacviec-communes-"));
    writeFileSync(join(dir, "ok.csv"), "Tên xã/phường;Người điều phối\nXã Hải Lăng;Lê C\n");
    const ok = await cli(
      ["org", "import", join(dir, "ok.csv"), "--parent", "quang-tri", "--out", join(dir, "links.csv")],
      env(),
    );
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, "links.csv"), "utf8")).toContain(
      "hai-lang,Xã Hải Lăng,Lê C,https://t.me/nhacviec_bot?start=",
    );
    writeFileSync(join(dir, "bad.csv"), "STT,Tên xã/phường\n1,Xã Triệu Phong\n2,\n");
    const bad = await cli(["org", "import", join(dir, "bad.csv"), "--parent", "quang-tri"], env());
    expect(bad).toMatchObject({
      code: 1,
      stderr: 'nhacviec: bad.csv (dòng 3, cột "Tên xã/phường"): để trống tên xã/phường\n',
    });
    const [trieuPhong] = await db().select().from(organizations).where(eq(organizations.slug, "trieu-phong"));
    expect(trieuPhong).toBeUndefined();
  });
});
