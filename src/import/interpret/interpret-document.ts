import { ImportError, MissingPlanYearError } from "../import-error.js";
import type { PlanDraft } from "../plan-draft.js";
import type { SourceDocument, SourceRow } from "../source-document.js";
import { type ColumnMap, readHeader, roleOfHeader } from "./columns.js";
import { interpretTable } from "./interpret-table.js";
import { proposeLeads } from "./lead-proposals.js";
import { readPlanMetadata } from "./plan-metadata.js";

export interface InterpretOptions {
  /** Overrides the year read from the document. */
  year?: number;
}

interface FoundTable {
  columns: ColumnMap;
  rows: SourceRow[];
}

/** The appendix: the table whose header has an STT and a deadline column; the largest when several do. */
function findAppendix(document: SourceDocument): FoundTable | null {
  let best: FoundTable | null = null;
  for (const table of document.tables) {
    const headerAt = table.rows.findIndex((row) => readHeader(row.cells) !== null);
    if (headerAt < 0) continue;
    const columns = readHeader((table.rows[headerAt] as SourceRow).cells) as ColumnMap;
    const rows = table.rows.slice(headerAt + 1);
    if (!best || rows.length > best.rows.length) best = { columns, rows };
  }
  return best;
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
    'không nhận ra tiêu đề bảng phụ lục: cần các cột "STT"/"TT", "Nội dung"/"Mục tiêu" và "Thời gian hoàn thành"',
    document.fileName,
  );
}

/** Turns a read document into a PlanDraft; throws ImportError when it is not a plan this importer can read. */
export function interpretDocument(document: SourceDocument, options: InterpretOptions = {}): PlanDraft {
  const appendix = findAppendix(document);
  if (!appendix) throw explainMissingHeader(document);
  const { metadata } = readPlanMetadata(document.paragraphs, options.year ? { year: options.year } : {});
  if (metadata.year === null || metadata.period === null) {
    throw new MissingPlanYearError(document.fileName);
  }
  const context = { planYear: metadata.year, period: metadata.period };
  const table = interpretTable(appendix.rows, appendix.columns, context);
  if (table.tasks.length === 0) {
    const firstRow = appendix.rows[0];
    throw new ImportError(
      "bảng phụ lục không có nhiệm vụ nào được đánh số",
      document.fileName,
      firstRow?.line !== undefined ? { line: firstRow.line } : {},
    );
  }
  const warnings = [...table.warnings];
  if (appendix.columns.index.lead === undefined) {
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
  return {
    plan: { title: metadata.title, issuer: metadata.issuer, year: metadata.year, period: metadata.period },
    sections: table.sections,
    tasks: table.tasks,
    warnings,
  };
}
