/**
 * What one plan document may cost to read. A real appendix is a few hundred rows
 * of short cells; these limits are far above that and far below what stalls a
 * server. Each is named in the Vietnamese error that refuses a file.
 */
export interface ReadLimits {
  /** The file as uploaded. */
  maxFileBytes: number;
  /** All entries of a .docx/.xlsx/.odt once inflated, counted while inflating. */
  maxInflatedBytes: number;
  /** Rows over all tables of the document. */
  maxRows: number;
  /** Cells in one row. */
  maxColumns: number;
  /** Characters in one cell. */
  maxCellChars: number;
  /** Pages of a PDF. */
  maxPdfPages: number;
  /**
   * CPU time of reading and interpreting, in the separate process (a busy
   * machine slows the reader without refusing it; the wall clock stops it at
   * five times this, see read-plan-file.ts).
   */
  timeoutMs: number;
  /** V8 heap of the reading process, in MB. */
  maxHeapMb: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxInflatedBytes: 100 * 1024 * 1024,
  maxRows: 20_000,
  maxColumns: 60,
  maxCellChars: 20_000,
  maxPdfPages: 300,
  timeoutMs: 30_000,
  maxHeapMb: 256,
};

const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The sentence that names a limit, for ImportError messages. */
export const limitMessages = {
  fileBytes: (limits: ReadLimits) => `tệp lớn hơn giới hạn ${mb(limits.maxFileBytes)}`,
  inflatedBytes: (limits: ReadLimits) =>
    `tệp nén giải ra quá ${mb(limits.maxInflatedBytes)} (có thể là tệp độc hại hoặc bị hỏng)`,
  rows: (limits: ReadLimits, rows: number) =>
    `tài liệu có ${rows.toLocaleString("vi-VN")} hàng, quá giới hạn ${limits.maxRows.toLocaleString("vi-VN")} hàng`,
  columns: (limits: ReadLimits, columns: number) => `hàng có ${columns} cột, quá giới hạn ${limits.maxColumns} cột`,
  cellChars: (limits: ReadLimits, chars: number) =>
    `ô có ${chars.toLocaleString("vi-VN")} ký tự, quá giới hạn ${limits.maxCellChars.toLocaleString("vi-VN")} ký tự`,
  pdfPages: (limits: ReadLimits, pages: number) =>
    `tệp PDF có ${pages} trang, quá giới hạn ${limits.maxPdfPages} trang`,
  timeout: (limits: ReadLimits) =>
    `đọc tệp quá ${Math.round(limits.timeoutMs / 1000)} giây xử lý nên đã dừng (tệp quá lớn, quá phức tạp hoặc bị hỏng)`,
  memory: (limits: ReadLimits) =>
    `đọc tệp cần quá ${limits.maxHeapMb} MB bộ nhớ nên đã dừng (tệp quá lớn, quá phức tạp hoặc bị hỏng)`,
};
