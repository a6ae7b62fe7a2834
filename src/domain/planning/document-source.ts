import { formatVietnameseDate, type IsoDate } from "../calendar/index.js";

/** What a task's document is, as stored with its plan: every field may be missing from an older import. */
export interface DocumentSource {
  kind: string | null;
  number: string | null;
  issuedOn: IsoDate | null;
  issuer: string | null;
}

/**
 * Whether a document is one that assigns work outside the annual plan (a
 * Thông báo, Công văn, Chỉ thị…). A plan or programme is the office's own
 * frame: its tasks need no "Theo …" to say where they come from.
 */
export function isAssigningDocument(kind: string | null | undefined): boolean {
  return kind !== null && kind !== undefined && kind !== "Kế hoạch" && kind !== "Chương trình";
}

/**
 * "Thông báo số 25/TB-UBND ngày 02/12/2026 của UBND xã Gio Sơn": how reminders,
 * notices and the register name the document a task came from; null for the
 * annual plan. A part the document did not give is left out, never guessed.
 */
export function documentSourceName(source: DocumentSource): string | null {
  if (!isAssigningDocument(source.kind)) return null;
  const parts = [source.kind as string];
  if (source.number) parts.push(`số ${source.number}`);
  if (source.issuedOn) parts.push(`ngày ${formatVietnameseDate(source.issuedOn)}`);
  if (source.issuer) parts.push(`của ${source.issuer}`);
  return parts.join(" ");
}
