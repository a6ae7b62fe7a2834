import type { Period, Schedule } from "../domain/deadline/index.js";

/** A plan as read from a document, before it touches the database. */
export interface PlanDraft {
  plan: PlanMetadata;
  sections: DraftSection[];
  tasks: DraftTask[];
  /** Problems that concern the whole document or rows outside any task. */
  warnings: string[];
  /** What became of every non-empty row of the document's tables (`import --explain`, the chat preview). */
  explanation: ExplainedRow[];
  /** How a text or CSV file was read: its encoding and its cell separator, as detected. */
  textFormat?: { encoding?: string; separator?: string };
}

/** What a source row became. */
export type RowRole =
  | "header"
  | "header-repeat"
  | "column-numbers"
  | "section"
  | "group"
  | "task"
  | "activity"
  | "continuation"
  | "subheading"
  | "skipped";

/** One source row and what the import made of it. */
export interface ExplainedRow {
  /** 1-based table of the document. */
  table: number;
  /** Line of a text, row of a table; page of a PDF. */
  source: { line?: number; row?: number; page?: number };
  role: RowRole;
  /** The section ("II") or task ("II.3") the row became or joined. */
  target?: string;
  /** Why a row was skipped, in Vietnamese. */
  reason?: string;
  /** The row's filled cells as printed, shortened. */
  text: string;
}

export interface PlanMetadata {
  title: string;
  issuer: string | null;
  year: number;
  period: Period;
  /** What kind of document the tasks come from; absent for a plan read before directives were read. */
  kind?: DocumentKind;
  /** "25/TB-UBND": the document's number and symbol. */
  number?: string | null;
  /** The date it was signed, YYYY-MM-DD. */
  issuedOn?: string | null;
  /** The body above the issuer in the heading ("UBND TỈNH QUẢNG TRỊ" over "SỞ NỘI VỤ"). */
  parentIssuer?: string | null;
  place?: string | null;
  /** The summary line (trích yếu, "V/v …"). */
  summary?: string | null;
  /** "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn A": who signed, with the capacity. */
  signer?: string | null;
  signerTitle?: string | null;
  /** The "Nơi nhận" list. */
  recipients?: string[];
  /** The day the office received it, when a coordinator gave it: kept with the plan, never cleared by a re-import. */
  receivedOn?: string | null;
}

/** The Decree 30/2020 kinds of administrative document the importer reads. */
export type DocumentKind =
  | "Kế hoạch"
  | "Thông báo"
  | "Công văn"
  | "Chỉ thị"
  | "Quyết định"
  | "Báo cáo"
  | "Giấy mời"
  | "Tờ trình"
  | "Hướng dẫn"
  | "Chương trình"
  | "Công điện"
  | "Nghị quyết";

export interface DraftSection {
  /** "I", "II"…; null for rows before the first section. */
  roman: string;
  title: string;
}

/** One activity row of a task ("Hoạt động"/"Nhiệm vụ" and its product). */
export interface DraftActivity {
  text: string;
  product: string;
}

/** One numbered row of the appendix, with its activity sub-rows. */
export interface DraftTask {
  section: string | null;
  stt: string;
  title: string;
  activities: DraftActivity[];
  /** Lead units ("chủ trì") as printed, in order. */
  lead: string[];
  /** Cooperating units ("phối hợp") as printed, in order. */
  support: string[];
  /**
   * For a table without a lead column: units the plan's own text names as lead
   * for this kind of task ("Tổ chức thực hiện"), for the coordinator to confirm.
   */
  proposedLead: string[];
  /** Distinct deadline cells of the task and its activities, in order. */
  deadlineTexts: string[];
  schedule: Schedule;
  warnings: string[];
  source: { line?: number; row?: number };
  /** The paragraph(s) or sentence the task was read from, when the document is prose (a prose plan, a directive). */
  sourceText?: string;
  /**
   * For a directive: "office" when the document gives the work to the importing
   * office as a whole ("đề nghị UBND các xã, phường"), for the coordinator to
   * hand to a unit; "unit" when it names one of the office's units.
   */
  assignee?: "office" | "unit";
}
