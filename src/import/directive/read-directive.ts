/** The hook between the plan interpreter and the directive interpreter: which reading a document gets. */
import { ImportError } from "../import-error.js";
import type { PlanDraft } from "../plan-draft.js";
import { proseLinesOf } from "../prose/prose-lines.js";
import type { SourceDocument } from "../source-document.js";
import { readDocumentIdentity } from "./document-identity.js";
import { interpretDirectiveLines } from "./interpret-directive.js";

/** How the importer reads a document: a plan (tables or task part) or a directive (assignments). */
export type DocumentReading = "plan" | "directive";

/** A document assigns nothing (a Giấy mời, a Quyết định khen thưởng): nothing to import, and it says why. */
export class NoAssignmentsError extends ImportError {
  constructor(file: string, reason: string) {
    super(reason, file);
  }
}

/** True when the document's own kind says it is not a plan: a Thông báo, a Công văn, a Chỉ thị, a Quyết định… */
export function readsAsDirective(document: SourceDocument): boolean {
  if (document.tables.length > 0 && document.paragraphs.length < 5) return false;
  const identity = readDocumentIdentity(proseLinesOf(document).slice(0, 40));
  // "Quyết định về việc ban hành Kế hoạch …" carries the plan itself.
  if (/ban hành (kèm theo )?(kế hoạch|chương trình)/iu.test(identity.summary ?? "")) return false;
  return identity.kind !== null && identity.kind !== "Kế hoạch" && identity.kind !== "Chương trình";
}

/** The directive's draft; throws NoAssignmentsError when it gives no work to the office or its units. */
export function interpretDirective(document: SourceDocument, year?: number, receivedOn?: string): PlanDraft {
  const draft = interpretDirectiveLines(proseLinesOf(document), year, receivedOn);
  if (draft.tasks.length === 0) {
    throw new NoAssignmentsError(document.fileName, draft.warnings[0] ?? "văn bản không giao nhiệm vụ nào");
  }
  return draft;
}

/** Below this a chat message is a reply or a note, however it begins. */
const PASTED_DOCUMENT_MIN_CHARS = 200;

/**
 * Whether a message typed or pasted into the chat is an administrative
 * document's text (its heading names a kind — "THÔNG BÁO", "CÔNG VĂN" — or a
 * number "Số: 25/TB-UBND"), so the chat offers to import it rather than read
 * it as a reply. The same identity reader as a file's, so the two agree.
 */
export function readsAsPastedDocument(text: string): boolean {
  if (text.length < PASTED_DOCUMENT_MIN_CHARS) return false;
  const lines = text
    .split(/\r?\n/u)
    .map((line, i) => ({ text: line.trim(), line: i + 1 }))
    .filter((line) => line.text !== "");
  if (lines.length < 4) return false;
  const identity = readDocumentIdentity(lines.slice(0, 40));
  return identity.kind !== null || identity.number !== null;
}
