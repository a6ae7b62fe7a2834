import { documentDeadlineContext } from "../../domain/deadline/index.js";
import { ImportError, MissingPlanYearError } from "../import-error.js";
import type { ExplainedRow, PlanDraft } from "../plan-draft.js";
import type { SourceDocument, SourceRow } from "../source-document.js";
import { plainCell, sectionMarkerOf, taskNumberOf } from "./cells.js";
import { type ColumnMap, readHeaderAt, roleOfHeader } from "./columns.js";
import { interpretTable, type TableSegment } from "./interpret-table.js";
import { numberRowsByOrder } from "./number-by-order.js";
import { proposeLeads } from "./lead-proposals.js";
import { readPlanMetadata } from "./plan-metadata.js";
import { interpretProsePlan } from "../prose/interpret-prose-plan.js";
import { type DocumentReading, readsAsDirective, interpretDirective } from "../directive/read-directive.js";

export interface InterpretOptions {
  /** Overrides the year read from the document. */
  year?: number;
  /** Read as a plan or as a directive regardless of what the document's kind says (`import --kind`). */
  kind?: DocumentReading;
  /** The day the office received the document (YYYY-MM-DD): deadlines "kể từ ngày nhận được" count from it. */
  receivedOn?: string;
}

interface Appendix {
  segments: TableSegment[];
  /** Rows outside the task tables, explained as skipped (heading, signature, distribution tables). */
  explanation: ExplainedRow[];
  /** Tables that are not part of the appendix, for the plan's metadata. */
  otherTables: number[];
}

const sourceOf = (row: SourceRow): { line?: number; row?: number } =>
  row.line !== undefined ? { line: row.line } : row.row !== undefined ? { row: row.row } : {};

const textOf = (row: SourceRow): string =>
  row.cells
    .map(plainCell)
    .filter((c) => c.length > 0)
    .join(" | ")
    .slice(0, 100);

/** True when a headerless table reads as more rows of the appendix: its TT column holds task or section numbers. */
function continuesAppendix(rows: SourceRow[], columns: ColumnMap): boolean {
  const width = columns.headerCells.length;
  const stt = columns.index.stt ?? 0;
  const numbered = rows.filter((row) => {
    const first = plainCell(row.cells[stt]);
    return taskNumberOf(first) !== null || sectionMarkerOf(first, "number-column") !== null;
  }).length;
  return rows.every((row) => row.cells.length === width) && numbered > 0 && numbered * 3 >= rows.length;
}

const NUMBERED_BY_ORDER = "bảng không có cột TT: nhiệm vụ được đánh số theo thứ tự trong từng mục";

/**
 * The appendix: every table whose header has a TT and a deadline column (or,
 * without TT, a content, a lead and a deadline column), in order, and headerless tables right after one whose rows continue it (Word
 * documents where the table was split). Other tables are left alone.
 */
function findAppendix(document: SourceDocument): Appendix | null {
  const segments: TableSegment[] = [];
  const explanation: ExplainedRow[] = [];
  const otherTables: number[] = [];
  document.tables.forEach((table, t) => {
    const number = t + 1;
    let headerAt = -1;
    let columns: ColumnMap | null = null;
    for (let i = 0; i < table.rows.length && i < 40 && !columns; i++) {
      columns = readHeaderAt(table.rows, i);
      if (columns) headerAt = i;
    }
    const skip = (rows: SourceRow[], reason: string): void => {
      for (const row of rows) {
        if (row.cells.every((c) => plainCell(c).length === 0)) continue;
        explanation.push({ table: number, source: sourceOf(row), role: "skipped", reason, text: textOf(row) });
      }
    };
    const previous = segments[segments.length - 1];
    if (columns) {
      skip(table.rows.slice(0, headerAt), "trước tiêu đề bảng nhiệm vụ");
      for (const row of table.rows.slice(headerAt, headerAt + columns.height)) {
        explanation.push({
          table: number,
          source: sourceOf(row),
          role: "header",
          ...(columns.numberedByOrder ? { reason: NUMBERED_BY_ORDER } : {}),
          text: textOf(row),
        });
      }
      const body = table.rows.slice(headerAt + columns.height);
      segments.push({
        table: number,
        ...(columns.numberedByOrder ? numberRowsByOrder(columns, body) : { columns, rows: body }),
      });
    } else if (previous && previous.table === number - 1 && continuesAppendix(table.rows, previous.columns)) {
      segments.push({ table: number, columns: previous.columns, rows: table.rows });
    } else {
      otherTables.push(t);
      skip(table.rows, "bảng không phải bảng nhiệm vụ (không có cột TT và thời gian)");
    }
  });
  return segments.length > 0 ? { segments, explanation, otherTables } : null;
}

/**
 * The document's running text for the metadata, with the text of tables that
 * are not the appendix in their place: the issuer, "Số: …/KH-UBND" and the
 * place and date often sit in a borderless heading table.
 */
function metadataLines(document: SourceDocument, otherTables: number[]): string[] {
  const inserts = new Map<number, string[]>();
  for (const t of otherTables) {
    const table = document.tables[t];
    if (!table || table.paragraphsBefore === undefined) continue;
    const lines: string[] = [];
    // Column by column: the issuer's lines sit under each other in the left cell.
    const width = Math.max(0, ...table.rows.map((r) => r.cells.length));
    for (let c = 0; c < width; c++) {
      for (const row of table.rows) {
        if (row.covered?.[c] || row.inherited?.[c]) continue;
        const cell = (row.cells[c] ?? "").replace(/<\/?b>/g, "");
        for (const line of cell.split("\n")) if (plainCell(line).length > 0) lines.push(plainCell(line));
      }
    }
    inserts.set(table.paragraphsBefore, [...(inserts.get(table.paragraphsBefore) ?? []), ...lines]);
  }
  if (inserts.size === 0) return document.paragraphs;
  const out: string[] = [];
  document.paragraphs.forEach((p, i) => {
    out.push(...(inserts.get(i) ?? []), p);
  });
  out.push(...(inserts.get(document.paragraphs.length) ?? []));
  return out;
}

function explainMissingHeader(document: SourceDocument): ImportError {
  if (document.tables.length === 0) {
    return new ImportError("không tìm thấy bảng nào trong tài liệu; cần bảng phụ lục nhiệm vụ", document.fileName);
  }
  for (const table of document.tables) {
    for (const row of table.rows.slice(0, 20)) {
      const roles = row.cells.map(roleOfHeader);
      if (roles.includes("stt") && !roles.includes("deadline")) {
        return new ImportError(
          'bảng nhiệm vụ không có cột thời gian hoàn thành ("Thời gian", "Thời hạn")',
          document.fileName,
          row.line !== undefined ? { line: row.line } : row.row !== undefined ? { row: row.row } : {},
        );
      }
    }
  }
  return new ImportError(
    'không nhận ra tiêu đề bảng phụ lục: cần các cột "Nội dung"/"Nhiệm vụ", "Thời gian hoàn thành" và "STT"/"TT" hoặc "Cơ quan chủ trì"',
    document.fileName,
  );
}

/** Lines a reader kept out of the tables (a PDF's page headers and footers, its text around the table), with why. */
function outsideExplained(document: SourceDocument): ExplainedRow[] {
  return (document.outside ?? []).map((line) => ({
    table: 0,
    source: line.page !== undefined ? { page: line.page } : {},
    role: "skipped" as const,
    reason: line.reason,
    text: line.text.slice(0, 100),
  }));
}

/** Turns a read document into a PlanDraft; throws ImportError when it is not a plan this importer can read. */
export function interpretDocument(document: SourceDocument, options: InterpretOptions = {}): PlanDraft {
  // A letter, a conclusion or a directive gives work sentence by sentence; a plan has a task table or part.
  if (options.kind === "directive") return interpretDirective(document, options.year, options.receivedOn);
  const appendix = findAppendix(document);
  // A task table makes a plan whatever the heading says (a Quyết định that issues a plan carries one).
  if (!appendix && options.kind === undefined && readsAsDirective(document)) {
    return interpretDirective(document, options.year, options.receivedOn);
  }
  if (!appendix) {
    // No task table: a plan written as numbered paragraphs still reads.
    const prose = interpretProsePlan(document, options);
    if (prose) return prose;
    throw explainMissingHeader(document);
  }
  const deadlineYears = appendix.segments.flatMap(({ rows, columns }) =>
    rows.map((row) => plainCell(row.cells[columns.index.deadline ?? -1])),
  );
  const { metadata } = readPlanMetadata(metadataLines(document, appendix.otherTables), {
    ...(options.year ? { year: options.year } : {}),
    deadlines: deadlineYears,
  });
  if (metadata.year === null || metadata.period === null) {
    throw new MissingPlanYearError(document.fileName);
  }
  // The same context a receipt set later reads the stored tasks in (setReceivedOn).
  const context = documentDeadlineContext({
    reading: "plan",
    year: metadata.year,
    period: metadata.period,
    issuedOn: null,
    receivedOn: options.receivedOn ?? null,
  });
  const table = interpretTable(appendix.segments, context);
  if (table.tasks.length === 0) {
    const firstRow = appendix.segments[0]?.rows[0];
    throw new ImportError(
      "bảng phụ lục không có nhiệm vụ nào được đánh số",
      document.fileName,
      firstRow?.line !== undefined ? { line: firstRow.line } : {},
    );
  }
  const warnings = [...table.warnings];
  if (appendix.segments.some((segment) => segment.columns.numberedByOrder)) {
    warnings.push("Bảng phụ lục không có cột TT/STT: nhiệm vụ được đánh số theo thứ tự trong từng mục");
  }
  if (appendix.segments.every((segment) => segment.columns.index.lead === undefined)) {
    warnings.push("Bảng không có cột cơ quan chủ trì: các nhiệm vụ chưa được giao, cần điều phối viên phân công");
    const proposals = proposeLeads(
      document.paragraphs,
      table.tasks.map((task) => task.title),
    );
    table.tasks.forEach((task, i) => {
      const proposed = proposals[i] ?? [];
      task.proposedLead = proposed.map((p) => p.unit);
      if (proposed.length > 0) {
        task.warnings.push(
          `Đề xuất chủ trì theo phần Tổ chức thực hiện: ${task.proposedLead.join(", ")} (cần xác nhận)`,
        );
      } else {
        task.warnings.push("Chưa có đơn vị chủ trì");
      }
    });
  }
  if (document.encoding && /TCVN3|VNI/.test(document.encoding)) {
    warnings.push(`Tệp gõ bằng bảng mã ${document.encoding}, đã chuyển sang Unicode: cần kiểm tra lại chữ có dấu`);
  }
  const textFormat = {
    ...(document.encoding ? { encoding: document.encoding } : {}),
    ...(document.separator ? { separator: document.separator } : {}),
  };
  return {
    ...(Object.keys(textFormat).length > 0 ? { textFormat } : {}),
    plan: { title: metadata.title, issuer: metadata.issuer, year: metadata.year, period: metadata.period },
    sections: table.sections,
    tasks: table.tasks,
    warnings,
    explanation: [...outsideExplained(document), ...appendix.explanation, ...table.explanation].sort(
      (a, b) => a.table - b.table || (a.source.row ?? a.source.line ?? 0) - (b.source.row ?? b.source.line ?? 0),
    ),
  };
}
