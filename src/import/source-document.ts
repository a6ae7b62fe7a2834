/**
 * What every reader produces from a document: its running text (for the plan's
 * title, issuer and year) and its tables as rows of raw cells. Cells keep their
 * inline HTML (<b>, <p>, <ul>) because bold marks section rows; the interpreter
 * cleans them.
 */
export interface SourceRow {
  cells: string[];
  /** 1-based line of a text document, or row of a spreadsheet or docx table. */
  line?: number;
  row?: number;
  /** A page break (blank lines, a repeated header, a new page) comes right before this row. */
  afterPageBreak: boolean;
  /**
   * Cells whose text was copied from a cell merged over this row (Word rowspan,
   * Excel merged ranges). A numbered task keeps such a deadline or unit; an
   * activity row of the same task ignores it, as it adds nothing new.
   */
  inherited?: boolean[];
  /** Cells covered by the cell to their left (a merge across columns); a header's label spans them. */
  covered?: boolean[];
  /** The page a row of a PDF starts on, to point the coordinator at it. */
  page?: number;
  /** The document marks this row as a header row (Word's "repeat as header row"). */
  header?: boolean;
}

export interface SourceTable {
  rows: SourceRow[];
  /** How many of the document's paragraphs come before this table (heading tables hold the issuer and date). */
  paragraphsBefore?: number;
}

/** A line of a document that is neither a table row nor lost: page furniture, text around the table (PDF). */
export interface OutsideLine {
  page?: number;
  text: string;
  /** Why it is not a row, in Vietnamese. */
  reason: string;
}

export interface SourceDocument {
  fileName: string;
  /** Lines outside the tables, each with why, so `--explain` accounts for every line of a PDF. */
  outside?: OutsideLine[];
  /** Paragraphs outside tables, in order, for the plan's metadata. */
  paragraphs: string[];
  /** 1-based source line of each paragraph, where the format has lines (a .txt); the prose reader cites them. */
  paragraphLines?: number[];
  tables: SourceTable[];
  /** How a text file was saved ("Windows-1258", "UTF-16 LE …"), for the summary and `--explain`. */
  encoding?: string;
  /** The cell separator of a CSV or text table: ",", ";" or a tab. */
  separator?: string;
}
