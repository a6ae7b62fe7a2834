/**
 * Regenerates test/fixtures/pdf-corpus: a few plan tables drawn from the real
 * seeds (test/fixtures/golden), each printed to PDF by every producer that runs
 * here (LibreOffice Writer and Calc, Chromium, pdf-lib), bordered and
 * borderless, portrait and landscape, A4 and Letter. Next to the PDFs: the
 * source plan (plans/<plan>.json) and the tasks every rendering must import to
 * (expected/<plan>.json), both written from the source, never from a reader.
 *
 *   npx tsx scripts/make-pdf-corpus.ts
 *
 * Needs soffice, chromium and the DejaVu fonts.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";

const OUT = "test/fixtures/pdf-corpus";
const FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

interface PlanTask {
  title: string;
  lead: string[];
  support: string[];
  deadline: string;
}
interface Plan {
  id: string;
  issuerLines: string[];
  number: string;
  placeDate: string;
  subject: string;
  sections: Array<{ roman: string; title: string; tasks: PlanTask[] }>;
  /** Consecutive tasks that share a lead print it once, in a cell merged down over them. */
  mergeLeads: boolean;
}

interface GoldenTask {
  section: string;
  stt: string;
  title: string;
  lead: string[];
  support: string[];
  deadlines: string[];
  activities: number;
}
interface Golden {
  sections: Array<{ roman: string; title: string }>;
  tasks: GoldenTask[];
}

/** A plan made of a seed's single-activity tasks (their words, sections and units), numbered afresh. */
function planFromSeed(
  seed: string,
  id: string,
  head: Omit<Plan, "id" | "sections" | "mergeLeads">,
  options: { maxTasks: number; mergeLeads: boolean; shareLeads?: boolean },
): Plan {
  const golden = JSON.parse(readFileSync(`test/fixtures/golden/${seed}.json`, "utf8")) as Golden;
  const tasks = golden.tasks.filter((t) => t.activities === 1 && t.deadlines.length === 1).slice(0, options.maxTasks);
  const sections = golden.sections
    .map((s) => ({
      roman: s.roman,
      title: s.title,
      tasks: tasks
        .filter((t) => t.section === s.roman)
        .map((t) => ({
          // Titles lose the seed's own "1.2." prefixes: the TT column numbers them.
          title: t.title.replace(/^\d+(\.\d+)*\.?\s+/, ""),
          lead: t.lead,
          support: t.support,
          deadline: t.deadlines[0] as string,
        })),
    }))
    .filter((s) => s.tasks.length > 0);
  if (options.shareLeads) {
    // Runs of two or three tasks under one lead, so the merged lead cells of Word tables show up.
    for (const section of sections) {
      section.tasks.forEach((task, i) => {
        if (i % 3 !== 0) task.lead = [...(section.tasks[i - (i % 3)] as PlanTask).lead];
      });
    }
  }
  return { id, ...head, sections, mergeLeads: options.mergeLeads };
}

const PLANS: Plan[] = [
  planFromSeed(
    "000_9e3f908be5443ab7",
    "gio-son",
    {
      issuerLines: ["UBND HUYỆN GIO LINH", "UBND XÃ GIO SƠN"],
      number: "Số: 12/KH-UBND",
      placeDate: "Gio Sơn, ngày 15 tháng 01 năm 2025",
      subject: "Cải cách hành chính nhà nước xã Gio Sơn năm 2025",
    },
    { maxTasks: 36, mergeLeads: false },
  ),
  planFromSeed(
    "003_12796438d3e31451",
    "vinh-thuy",
    {
      issuerLines: ["UBND HUYỆN VĨNH LINH", "UBND XÃ VĨNH THỦY"],
      number: "Số: 08/KH-UBND",
      placeDate: "Vĩnh Thủy, ngày 20 tháng 01 năm 2025",
      subject: "Cải cách hành chính xã Vĩnh Thủy năm 2025",
    },
    { maxTasks: 24, mergeLeads: false },
  ),
  planFromSeed(
    "001_f68acab46df6a711",
    "quang-tri-merged",
    {
      issuerLines: ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"],
      number: "Số: 239/KH-UBND",
      placeDate: "Quảng Trị, ngày 20 tháng 12 năm 2024",
      subject: "Cải cách hành chính nhà nước tỉnh Quảng Trị năm 2025",
    },
    { maxTasks: 27, mergeLeads: true, shareLeads: true },
  ),
];

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const units = (list: string[]): string => list.join("; ");

interface FlatRow {
  kind: "section" | "task";
  stt: string;
  title: string;
  lead: string;
  support: string;
  deadline: string;
  /** Rows the lead cell covers (0: covered by the row above). */
  leadSpan: number;
}

function flatRows(plan: Plan): FlatRow[] {
  const rows: FlatRow[] = [];
  for (const section of plan.sections) {
    rows.push({
      kind: "section",
      stt: section.roman,
      title: section.title,
      lead: "",
      support: "",
      deadline: "",
      leadSpan: 1,
    });
    const tasks = section.tasks;
    tasks.forEach((task, i) => {
      let span = 1;
      if (plan.mergeLeads) {
        const previous = tasks[i - 1];
        if (previous && units(previous.lead) === units(task.lead)) span = 0;
        else while (tasks[i + span] && units(tasks[i + span]!.lead) === units(task.lead)) span++;
      }
      rows.push({
        kind: "task",
        stt: String(i + 1),
        title: task.title,
        lead: units(task.lead),
        support: units(task.support),
        deadline: task.deadline,
        leadSpan: span,
      });
    });
  }
  return rows;
}

const HEADER = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];

/** `numbered: false` prints the table without its TT column, the section's numeral before its title. */
function html(plan: Plan, options: { borders: boolean; page: string; numbered?: boolean }): string {
  const border = options.borders ? "1px solid #000" : "none";
  const numbered = options.numbered ?? true;
  const body = flatRows(plan)
    .map((r) => {
      if (r.kind === "section")
        return numbered
          ? `<tr><td><b>${r.stt}</b></td><td colspan="4"><b>${esc(r.title)}</b></td></tr>`
          : `<tr><td colspan="4"><b>${r.stt}. ${esc(r.title)}</b></td></tr>`;
      const lead = r.leadSpan === 0 ? "" : `<td${r.leadSpan > 1 ? ` rowspan="${r.leadSpan}"` : ""}>${esc(r.lead)}</td>`;
      const tt = numbered ? `<td style="text-align:center">${r.stt}</td>` : "";
      return `<tr>${tt}<td>${esc(r.title)}</td>${lead}<td>${esc(r.support)}</td><td>${esc(r.deadline)}</td></tr>`;
    })
    .join("\n");
  const header = numbered ? HEADER : HEADER.slice(1);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch ${esc(plan.subject)}</title>
<style>@page { size: ${options.page}; margin: 18mm 15mm; }
body { font-family: "Liberation Serif", "DejaVu Serif", serif; font-size: 12pt; }
table.plan { border-collapse: collapse; width: 100%; }
table.plan td, table.plan th { border: ${border}; padding: 4px 5px; vertical-align: top; }
table.plan thead { display: table-header-group; }
table.head td { text-align: center; vertical-align: top; border: none; }</style></head><body>
<table class="head" width="100%"><tr><td>${plan.issuerLines.map(esc).join("<br>")}<br>${esc(plan.number)}</td>
<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b><br><i>${esc(plan.placeDate)}</i></td></tr></table>
<p style="text-align:center"><b>KẾ HOẠCH</b><br><b>${esc(plan.subject)}</b></p>
<p>Thực hiện chương trình cải cách hành chính, Ủy ban nhân dân ban hành Kế hoạch với các nhiệm vụ cụ thể tại Phụ lục kèm theo.</p>
<p style="text-align:center"><b>PHỤ LỤC NHIỆM VỤ</b></p>
<table class="plan"${options.borders ? ' border="1" cellspacing="0" cellpadding="4"' : ' border="0" cellspacing="0" cellpadding="4"'}><thead><tr>${header.map((h) => `<th>${h}</th>`).join("")}</tr></thead>
<tbody>
${body}
</tbody></table>
<p><b>Nơi nhận:</b><br>- Như trên;<br>- Lưu: VT.</p>
<p style="text-align:right"><b>TM. ỦY BAN NHÂN DÂN</b><br><b>CHỦ TỊCH</b></p>
</body></html>`;
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: "pipe", timeout: 180_000 });
}

/** soffice --convert-to, with a profile of its own; returns the written file. */
function soffice(input: string, to: string, work: string, infilter?: string): string {
  const outdir = join(work, `out-${Math.random().toString(36).slice(2)}`);
  mkdirSync(outdir);
  run("soffice", [
    "--headless",
    "--norestore",
    `-env:UserInstallation=file://${join(work, "profile")}`,
    ...(infilter ? [`--infilter=${infilter}`] : []),
    "--convert-to",
    to,
    "--outdir",
    outdir,
    input,
  ]);
  const [name] = readdirSync(outdir);
  if (!name) throw new Error(`soffice wrote nothing for ${input}`);
  return join(outdir, name);
}

function chromium(htmlPath: string, out: string, headerFooter: boolean): void {
  run("chromium", [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    ...(headerFooter ? [] : ["--no-pdf-header-footer"]),
    `--print-to-pdf=${out}`,
    `file://${htmlPath}`,
  ]);
}

async function workbook(plan: Plan, options: { borders: boolean; gridLines: boolean }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sheet1", {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      showGridLines: options.gridLines,
    },
  });
  const widths = [5, 50, 24, 24, 16];
  sheet.columns = widths.map((width) => ({ width }));
  const lines = [...plan.issuerLines, plan.number, "KẾ HOẠCH", plan.subject, plan.placeDate];
  for (const line of lines) sheet.addRow([line]);
  sheet.addRow([]);
  const start = sheet.rowCount + 1;
  sheet.addRow(HEADER).font = { bold: true };
  const rows = flatRows(plan);
  for (const r of rows) {
    if (r.kind === "section") {
      const row = sheet.addRow([r.stt, r.title]);
      row.font = { bold: true };
      sheet.mergeCells(row.number, 2, row.number, 5);
    } else sheet.addRow([r.stt, r.title, r.leadSpan === 0 ? null : r.lead, r.support, r.deadline]);
  }
  rows.forEach((r, i) => {
    if (r.kind === "task" && r.leadSpan > 1) sheet.mergeCells(start + 1 + i, 3, start + i + r.leadSpan, 3);
  });
  for (let n = start; n <= sheet.rowCount; n++) {
    // Calc keeps the heights a workbook gives: as tall as the longest wrapped cell, as Excel's autofit makes them.
    const texts = [1, 2, 3, 4, 5].map((c) => sheet.getRow(n).getCell(c).text);
    const lines = Math.max(
      1,
      ...texts.map((t, c) =>
        c === 1 && texts.slice(2).every((x) => !x) ? 1 : Math.ceil(t.length / ((widths[c] as number) * 1.05)),
      ),
    );
    sheet.getRow(n).height = lines * 15 + 2;
    sheet.getRow(n).eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { wrapText: true, vertical: "top" };
      if (options.borders) {
        const thin = { style: "thin" as const };
        cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      }
    });
  }
  sheet.addRow([]);
  sheet.addRow(["Nơi nhận: Như trên; Lưu: VT."]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Words wrapped to a width in points. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const tryLine = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(tryLine, size) <= width || !line) line = tryLine;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A table drawn with pdf-lib: ruled (grid) or not, rows cut at the page break
 * where they do not fit (the rest continues under the repeated header with an
 * empty TT cell), a running header and a "Trang x/y" footer on every page.
 */
async function drawn(plan: Plan, options: { grid: boolean; size: [number, number] }): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(FONT), { subset: true });
  const bold = await pdf.embedFont(readFileSync(FONT_BOLD), { subset: true });
  const [pageWidth, pageHeight] = options.size;
  const margin = 40;
  const size = 9.5;
  const leading = 12;
  const usable = pageWidth - 2 * margin;
  const fractions = [0.06, 0.44, 0.18, 0.18, 0.14];
  const widths = fractions.map((f) => f * usable);
  const xs = widths.map((_, i) => margin + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const bottom = margin + 30;
  const text = (s: string, x: number, yy: number, f: PDFFont = font, sz = size): void => {
    page.drawText(s, { x, y: yy, size: sz, font: f, color: rgb(0, 0, 0) });
  };
  const hline = (yy: number): void => {
    if (options.grid)
      page.drawLine({ start: { x: margin, y: yy }, end: { x: margin + usable, y: yy }, thickness: 0.6 });
  };
  const vlines = (top: number, bottomY: number, skip: number[] = []): void => {
    if (!options.grid) return;
    [...xs, margin + usable].forEach((x, i) => {
      if (skip.includes(i)) return;
      page.drawLine({ start: { x, y: top }, end: { x, y: bottomY }, thickness: 0.6 });
    });
  };
  const newPage = (): void => {
    page = pdf.addPage(options.size);
    pages.push(page);
    text(`Kế hoạch ${plan.subject}`, margin, pageHeight - 24, font, 8);
    y = pageHeight - margin;
  };
  const drawHeader = (): void => {
    const cells = HEADER.map((h, i) => wrap(h, bold, size, (widths[i] as number) - 6));
    const height = Math.max(...cells.map((c) => c.length)) * leading + 6;
    hline(y);
    cells.forEach((c, i) => c.forEach((l, k) => text(l, (xs[i] as number) + 3, y - 4 - (k + 1) * leading + 3, bold)));
    vlines(y, y - height);
    y -= height;
    hline(y);
  };
  newPage();
  for (const line of [...plan.issuerLines, plan.number]) {
    text(line, margin, y, bold, 10);
    y -= 14;
  }
  y -= 6;
  text("KẾ HOẠCH", pageWidth / 2 - 30, y, bold, 12);
  y -= 16;
  text(plan.subject, margin + 60, y, bold, 11);
  y -= 14;
  text(plan.placeDate, margin + 60, y, font, 10);
  y -= 24;
  drawHeader();
  for (const r of flatRows(plan)) {
    let cells =
      r.kind === "section"
        ? [[r.stt], wrap(r.title, bold, size, usable - (widths[0] as number) - 6), [], [], []]
        : [r.stt, r.title, r.lead, r.support, r.deadline].map((c, i) => wrap(c, font, size, (widths[i] as number) - 6));
    const f = r.kind === "section" ? bold : font;
    while (cells.some((c) => c.length > 0)) {
      const room = Math.floor((y - bottom - 6) / leading);
      if (room < 1) {
        newPage();
        drawHeader();
        continue;
      }
      const take = Math.min(room, Math.max(...cells.map((c) => c.length)));
      const height = take * leading + 6;
      cells.forEach((c, i) =>
        c.slice(0, take).forEach((l, k) => text(l, (xs[i] as number) + 3, y - 3 - (k + 1) * leading + 3, f)),
      );
      vlines(y, y - height, r.kind === "section" ? [2, 3, 4] : []);
      y -= height;
      hline(y);
      cells = cells.map((c) => c.slice(take));
      if (cells.some((c) => c.length > 0)) {
        newPage();
        drawHeader();
      }
    }
  }
  y -= 20;
  if (y < bottom + 30) newPage();
  text("Nơi nhận:", margin, y, bold);
  text("TM. ỦY BAN NHÂN DÂN", pageWidth - margin - 150, y, bold);
  pages.forEach((p, i) => {
    p.drawText(`Trang ${i + 1}/${pages.length}`, { x: pageWidth / 2 - 20, y: 24, size: 8, font });
  });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

/** The tasks every rendering of a plan must import to, straight from the source plan. */
function expected(plan: Plan): unknown {
  return plan.sections.flatMap((section) =>
    section.tasks.map((task, i) => ({
      number: `${section.roman}.${i + 1}`,
      title: task.title,
      lead: task.lead,
      support: task.support,
      deadline: task.deadline,
    })),
  );
}

/**
 * `npx tsx scripts/make-pdf-corpus.ts [part]`: with a part of a file name ("no-tt"), only the PDFs
 * whose names hold it are written and the rest of the corpus is kept as it is.
 */
async function main(only = process.argv[2]): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "pdf-corpus-"));
  if (!only) rmSync(OUT, { recursive: true, force: true });
  for (const dir of ["plans", "expected", "pdf"]) mkdirSync(join(OUT, dir), { recursive: true });
  const write = (name: string, bytes: Buffer | (() => Buffer)): void => {
    if (only && !name.includes(only)) return;
    const data = typeof bytes === "function" ? bytes() : bytes;
    writeFileSync(join(OUT, "pdf", name), data);
    process.stdout.write(`${name} ${data.length}\n`);
  };
  try {
    for (const plan of PLANS) {
      writeFileSync(join(OUT, "plans", `${plan.id}.json`), `${JSON.stringify(plan, null, 2)}\n`);
      writeFileSync(join(OUT, "expected", `${plan.id}.json`), `${JSON.stringify(expected(plan), null, 2)}\n`);
      const dir = join(work, plan.id);
      mkdirSync(dir);
      const page = (p: string, borders: boolean): string => {
        const path = join(dir, `${p.replace(/\s+/g, "-")}-${borders ? "b" : "n"}.html`);
        writeFileSync(path, html(plan, { borders, page: p }));
        return path;
      };
      // LibreOffice Writer: the HTML page, and the same saved as .docx and .odt first (Word's table model).
      const bordered = page("A4 portrait", true);
      write(
        `${plan.id}.writer-html.bordered.a4.pdf`,
        readFileSync(soffice(bordered, "pdf:writer_pdf_Export", work, "HTML (StarWriter)")),
      );
      const docx = soffice(bordered, "docx:MS Word 2007 XML", work, "HTML (StarWriter)");
      write(`${plan.id}.writer-docx.bordered.a4.pdf`, readFileSync(soffice(docx, "pdf", work)));
      // Chromium prints, with its own header (date, title) and footer (URL, page x/y).
      write(`${plan.id}.chromium.bordered.a4.header-footer.pdf`, printed(bordered, dir, true));
      // Calc: a workbook with cell borders.
      const xlsxPath = join(dir, "plan.xlsx");
      writeFileSync(xlsxPath, await workbook(plan, { borders: true, gridLines: false }));
      write(`${plan.id}.calc-xlsx.borders.a4-landscape.pdf`, readFileSync(soffice(xlsxPath, "pdf", work)));
      // pdf-lib: ruled, rows cut at page breaks, Letter.
      write(`${plan.id}.pdflib.grid.letter.pdf`, await drawn(plan, { grid: true, size: [612, 792] }));
      // Tables without a TT column: ruled (Writer from HTML and from .docx) and, without merged cells, unruled.
      const noTt = join(dir, "no-tt.html");
      writeFileSync(noTt, html(plan, { borders: true, page: "A4 portrait", numbered: false }));
      write(`${plan.id}.writer-html.bordered.a4.no-tt.pdf`, () =>
        readFileSync(soffice(noTt, "pdf:writer_pdf_Export", work, "HTML (StarWriter)")),
      );
      write(`${plan.id}.writer-docx.bordered.a4.no-tt.pdf`, () =>
        readFileSync(soffice(soffice(noTt, "docx:MS Word 2007 XML", work, "HTML (StarWriter)"), "pdf", work)),
      );
      write(`${plan.id}.chromium.bordered.a4.no-tt.pdf`, () => printed(noTt, dir, false));
      if (plan.mergeLeads) continue;
      const noTtPlain = join(dir, "no-tt-plain.html");
      writeFileSync(noTtPlain, html(plan, { borders: false, page: "A4 portrait", numbered: false }));
      write(`${plan.id}.writer-odt.borderless.a4.no-tt.pdf`, () =>
        readFileSync(soffice(soffice(noTtPlain, "odt", work, "HTML (StarWriter)"), "pdf", work)),
      );
      write(`${plan.id}.chromium.borderless.a4.no-tt.pdf`, () => printed(noTtPlain, dir, false));
      // Borderless renderings: only for plans without merged cells (without rules a merged cell has no extent).
      const plain = page("A4 portrait", false);
      const odt = soffice(plain, "odt", work, "HTML (StarWriter)");
      write(`${plan.id}.writer-odt.borderless.a4.pdf`, readFileSync(soffice(odt, "pdf", work)));
      write(
        `${plan.id}.chromium.borderless.letter-landscape.header-footer.pdf`,
        printed(page("Letter landscape", false), dir, true),
      );
      write(`${plan.id}.chromium.borderless.a4.pdf`, printed(plain, dir, false));
      const plainXlsx = join(dir, "plain.xlsx");
      writeFileSync(plainXlsx, await workbook(plan, { borders: false, gridLines: false }));
      write(`${plan.id}.calc-xlsx.no-gridlines.a4-landscape.pdf`, readFileSync(soffice(plainXlsx, "pdf", work)));
      const gridXlsx = join(dir, "grid.xlsx");
      writeFileSync(gridXlsx, await workbook(plan, { borders: false, gridLines: true }));
      write(`${plan.id}.calc-xlsx.gridlines.a4-landscape.pdf`, readFileSync(soffice(gridXlsx, "pdf", work)));
      write(`${plan.id}.pdflib.no-grid.a4-landscape.pdf`, await drawn(plan, { grid: false, size: [842, 595] }));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function printed(htmlPath: string, dir: string, headerFooter: boolean): Buffer {
  const out = join(dir, `print-${Math.random().toString(36).slice(2)}.pdf`);
  chromium(htmlPath, out, headerFooter);
  return readFileSync(out);
}

await main();
