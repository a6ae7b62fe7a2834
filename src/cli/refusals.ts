/** The one place the command line words a service's refusal: one line naming what was refused, exit code 1. */
import type { Refusal } from "../services/access.js";

const REFUSAL_TEXT: Record<Refusal, string> = {
  "not-found": "không tìm thấy",
  "not-allowed": "không được phép",
  closed: "đã đóng",
  stale: "đã thay đổi từ lúc đọc, hãy thử lại",
};

/** A refused request: the command line was right, what it named was not (no usage printed). */
export class RefusalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefusalError";
  }
}

/** An error naming what was refused: `tổ chức "gio-son": không tìm thấy`. */
export function refusalError(subject: string, refusal: Refusal): RefusalError {
  return new RefusalError(`${subject}: ${REFUSAL_TEXT[refusal]}`);
}
