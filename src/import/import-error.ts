import { displayFileName } from "../domain/files/safe-file-name.js";

/**
 * A document that cannot become a plan. Names the file and, where there is one,
 * the line or row; `message` is Vietnamese because coordinators read it in the
 * chat, `detail` is for logs.
 */
export class ImportError extends Error {
  override readonly name = "ImportError";
  /** The file's name as shown to people: without control or bidi characters (U+202E). */
  readonly file: string;
  constructor(
    /** The Vietnamese sentence alone, without the file and location that `message` adds. */
    readonly reason: string,
    file: string,
    readonly location: { line?: number; row?: number; column?: string } = {},
    readonly detail?: string,
  ) {
    super(`${displayFileName(file)}${ImportError.where(location)}: ${reason}`);
    this.file = displayFileName(file);
  }

  private static where(location: { line?: number; row?: number; column?: string }): string {
    const parts: string[] = [];
    if (location.line !== undefined) parts.push(`dòng ${location.line}`);
    if (location.row !== undefined) parts.push(`hàng ${location.row}`);
    if (location.column !== undefined) parts.push(`cột "${location.column}"`);
    return parts.length > 0 ? ` (${parts.join(", ")})` : "";
  }
}

/** The plan's title gives no year: the caller may supply one (the CLI's --year, the chat's current year). */
export class MissingPlanYearError extends ImportError {
  constructor(file: string) {
    super("không đọc được năm của kế hoạch từ tiêu đề; hãy chỉ định --year", file);
  }
}
