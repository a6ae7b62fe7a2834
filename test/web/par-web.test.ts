/**
 * The PAR INDEX page through `app.request`: a coordinator uploads the
 * province's set, starts the year, scores, cites a document and downloads
 * the workbook; a member is refused; a change without the CSRF token is refused.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresDatabaseClient } from "../../db/client.js";
import type { Role } from "../../src/domain/milestones/index.js";
import { interpretDocument } from "../../src/import/interpret/interpret-document.js";
import { readDocument } from "../../src/import/read-document.js";
import { MAX_EVIDENCE_BYTES } from "../../src/services/evidence/evidence-store.js";
import { importPlan } from "../../src/services/import-plan.js";
import type { Viewer } from "../../src/services/people/viewer.js";
import { chatPlan, TU_PHAP } from "../support/bot-world.js";
import { createMigratedDatabase, type TestDatabase } from "../support/database.js";
import { formPost, joinedPerson, signInThroughForm, testWebApp } from "../support/web-requests.js";
import { toTabText } from "../support/plan-files.js";

let database: TestDatabase & { client: PostgresDatabaseClient };
const clock = { now: new Date("2025-03-05T09:00:00+07:00") };
let organizationId: string;
let otherOrganizationId: string;

async function importInto(slug: string): Promise<string> {
  const draft = interpretDocument(await readDocument("kh.txt", Buffer.from(toTabText(chatPlan))), { year: 2025 });
  const summary = await importPlan(database.client.db, draft, {
    organizationSlug: slug,
    fileName: "kh.txt",
    fileSha256: "0".repeat(64),
  });
  return summary.organizationId;
}

async function person(telegramUserId: number, role: Role, options: { unit?: string; other?: boolean } = {}) {
  const organization = options.other ? otherOrganizationId : organizationId;
  return joinedPerson(database.client.db, organization, telegramUserId, role, { unit: options.unit, now: clock.now });
}

const webApp = (limit?: { max: number; windowMs: number }) => testWebApp(database.client.db, clock, limit);
const form = formPost;
const signIn = (app: ReturnType<typeof webApp>, viewer: Viewer) =>
  signInThroughForm(app, database.client.db, viewer, clock.now);

beforeAll(async () => {
  database = await createMigratedDatabase();
  organizationId = await importInto("thu-nghiem");
  otherOrganizationId = await importInto("xa-khac");
});

afterAll(async () => {
  await database.drop();
});

describe("the PAR INDEX page", () => {
  it("imports the province's set from an upload, starts the year, takes a self-score and a document, and downloads the workbook", async () => {
    const app = webApp();
    const coordinator = await person(801, "coordinator");
    const { cookie, csrf } = await signIn(app, coordinator);
    const upload = new FormData();
    upload.set("_csrf", csrf);
    upload.set("province", "quang-tri");
    upload.set("year", "2025");
    const bytes = readFileSync(new URL("../fixtures/par/quang-tri-xa-2026.xlsx", import.meta.url));
    upload.set("file", new File([bytes], "quang-tri-xa-2026.xlsx"));
    const imported = await app.request("/par/import", { method: "POST", headers: { cookie }, body: upload });
    expect(imported.status).toBe(200);
    expect(await imported.text()).toContain("14 tiêu chí, phiên bản 1");

    const post = (path: string, fields: Record<string, string>) =>
      app.request(path, { ...form({ _csrf: csrf, ...fields }), headers: { ...form({}).headers, cookie } });
    expect((await post("/par/start", { province: "quang-tri", year: "2025", deadline: "2025-04-30" })).status).toBe(
      303,
    );
    const page = await (await app.request("/par?year=2025", { headers: { cookie } })).text();
    expect(page).toContain("Tổng điểm: 0/30");
    expect(page).toContain("<td>3.a</td>");

    const refused = await post("/par/score", { year: "2025", code: "3.a", points: "2", justification: "Đã ban hành" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Điểm tiêu chí 3.a phải là số từ 0 đến 1,5 và có giải trình.");
    expect(
      (
        await post("/par/score", {
          year: "2025",
          code: "3.a",
          points: "1,5",
          justification: "Kế hoạch tuyên truyền đã ban hành",
        })
      ).status,
    ).toBe(303);
    const reference = "Kế hoạch số 15/KH-UBND ngày 20/01/2025 của UBND xã Thử Nghiệm";
    expect((await post("/par/reference", { year: "2025", code: "4", reference })).status).toBe(303);
    expect((await post("/par/reference", { year: "2025", code: "4", reference: "kế hoạch tuyên truyền" })).status).toBe(
      400,
    );
    const after = await (await app.request("/par?year=2025", { headers: { cookie } })).text();
    expect(after).toContain("Tổng điểm: 1,5/30");

    const download = await app.request("/par/workbook?year=2025", { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("tu-danh-gia-chi-so-cchc-thu-nghiem-2025.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await download.arrayBuffer());
    const cells = new Map<string, string[]>();
    workbook.worksheets[0]!.eachRow((row) =>
      cells.set(
        row.getCell(1).text,
        [2, 3, 4, 5, 6].map((c) => row.getCell(c).text),
      ),
    );
    const scored = cells.get("3.a")!;
    expect(scored.slice(0, 4)).toEqual(["Ban hành kế hoạch tuyên truyền", "1.5", "1.5", ""]);
    // The justification, then the drafted explanation: 3.a still has no evidence.
    expect(scored[4]).toMatch(
      /^Kế hoạch tuyên truyền đã ban hành\nTiêu chí 3\.a "Ban hành kế hoạch tuyên truyền" \(tối đa 1,5 điểm\)/,
    );
    expect(cells.get("4")?.[3]).toBe(reference);
  });

  it("attaches files to a criterion by upload, lists them under it and puts them in the bundle", async () => {
    const evidenceDir = mkdtempSync(join(tmpdir(), "nhacviec-par-web-"));
    try {
      const app = testWebApp(database.client.db, clock, undefined, { evidenceDir });
      const { cookie, csrf } = await signIn(app, await person(804, "coordinator"));
      const upload = (files: File[], code = "3.a") => {
        const body = new FormData();
        body.set("_csrf", csrf);
        body.set("year", "2025");
        body.set("code", code);
        for (const file of files) body.append("files", file);
        return app.request("/par/file", { method: "POST", headers: { cookie }, body });
      };
      const page = await (await app.request("/par?year=2025", { headers: { cookie } })).text();
      expect(page).toContain('action="/par/file" enctype="multipart/form-data"');

      const plan = Buffer.from("%PDF-1.4 kế hoạch tuyên truyền đã ký");
      const minutes = Buffer.from("%PDF-1.4 biên bản hội nghị");
      const saved = await upload([
        new File([plan], "KH tuyên truyền.pdf", { type: "application/pdf" }),
        new File([minutes], "Biên bản.pdf"),
      ]);
      expect(saved.status).toBe(200);
      const savedPage = await saved.text();
      expect(savedPage).toContain("Đã lưu 2 tệp kiểm chứng cho tiêu chí 3.a: KH tuyên truyền.pdf, Biên bản.pdf.");
      expect(savedPage).toMatch(/<div>KH tuyên truyền\.pdf<\/div>\s*<div>Biên bản\.pdf<\/div>/);

      expect((await upload([])).status).toBe(422);
      const tooLarge = await upload([new File([Buffer.alloc(MAX_EVIDENCE_BYTES + 1)], "lớn.pdf")]);
      expect(tooLarge.status).toBe(413);
      expect(await tooLarge.text()).toContain("Tệp “lớn.pdf” lớn hơn 20 MB.");
      expect((await upload([new File([plan], "x.pdf")], "99.9")).status).toBe(404);
      const noStore = testWebApp(database.client.db, clock);
      const signed = await signIn(noStore, await person(805, "coordinator"));
      const body = new FormData();
      body.set("_csrf", signed.csrf);
      body.set("code", "3.a");
      body.append("files", new File([plan], "x.pdf"));
      const refused = await noStore.request("/par/file", { method: "POST", headers: { cookie: signed.cookie }, body });
      expect(refused.status).toBe(503);
      // Without a store the page offers references only.
      const referencesOnly = await (
        await noStore.request("/par?year=2025", { headers: { cookie: signed.cookie } })
      ).text();
      expect(referencesOnly).toContain('action="/par/reference"');
      expect(referencesOnly).not.toContain('action="/par/file"');

      const bundle = await app.request("/par/bundle?year=2025", { headers: { cookie } });
      expect(bundle.status).toBe(200);
      const zip = await JSZip.loadAsync(await bundle.arrayBuffer());
      const inFolder = Object.keys(zip.files).filter((p) => p.startsWith("3.a ") && !zip.files[p]!.dir);
      expect(inFolder.sort()).toEqual([
        "3.a Ban hành kế hoạch tuyên truyền/3.a_Biên bản.pdf",
        "3.a Ban hành kế hoạch tuyên truyền/3.a_KH tuyên truyền.pdf",
      ]);
      expect(await zip.file("3.a Ban hành kế hoạch tuyên truyền/3.a_KH tuyên truyền.pdf")!.async("nodebuffer")).toEqual(
        plan,
      );
      // Evidence now: the criterion is no longer missing it.
      const after = await (await app.request("/par?year=2025", { headers: { cookie } })).text();
      expect(after).not.toMatch(/<tr class="missing">\s*<td>3\.a<\/td>/);
    } finally {
      rmSync(evidenceDir, { recursive: true, force: true });
    }
  });

  it("is not found for a member, and refuses a change without the CSRF token", async () => {
    const app = webApp();
    const member = await person(802, "member", { unit: TU_PHAP });
    const { cookie } = await signIn(app, member);
    expect((await app.request("/par?year=2025", { headers: { cookie } })).status).toBe(404);
    const coordinator = await person(803, "coordinator");
    const signed = await signIn(app, coordinator);
    const noToken = await app.request("/par/start", {
      ...form({ province: "quang-tri", year: "2025" }),
      headers: { ...form({}).headers, cookie: signed.cookie },
    });
    expect(noToken.status).toBe(403);
  });
});
