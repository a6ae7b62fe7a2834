/** The one place the command line words a service's refusal: one line naming what was refused, exit code 1. */
import { translatorFor } from "../i18n/i18n.js";
import type { Refusal, Refused } from "../services/access.js";
import type { PdfConversionError } from "../services/reports/pdf.js";

/** A refused request: the command line was right, what it named was not (no usage printed). */
export class RefusalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefusalError";
  }
}

/** The Vietnamese words for a refusal, its reason's when it has one: `không tìm thấy bộ phận "Tổ Một"`. */
export function refusalWords(refused: Refusal | Refused): string {
  const { t } = translatorFor("vi");
  const { kind, reason, subject } = typeof refused === "string" ? ({ kind: refused } as Refused) : refused;
  return reason ? t(`refusal-${reason}`, { subject: subject ?? "" }) : t(`refusal-${kind}`);
}

/** An error naming what was refused: `tổ chức "gio-son": không tìm thấy`. */
export function refusalError(subject: string, refusal: Refusal | Refused): RefusalError {
  return new RefusalError(`${subject}: ${refusalWords(refusal)}`);
}

/** An error whose reason names what was refused itself: `không tìm thấy bộ phận "Tổ Một"`. */
export function refusedError(refused: Refused): RefusalError {
  return new RefusalError(refusalWords(refused));
}

/** Why the server could not make a PDF, in Vietnamese: what to install, or to try again. */
export function pdfFailureWords(error: PdfConversionError): string {
  return translatorFor("vi").t(`pdf-failed-${error.reason}`);
}
