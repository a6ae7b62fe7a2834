/** The one place the command line words a service's refusal; the exit is a usage error (code 2). */
import type { Refusal } from "../services/access.js";
import { UsageError } from "./usage-error.js";

const REFUSAL_TEXT: Record<Refusal, string> = {
  "not-found": "not found",
  "not-allowed": "not allowed",
  closed: "already closed",
  stale: "out of date: it changed since it was read",
};

/** A usage error naming what was refused: `organization "gio-son": not found`. */
export function refusalError(subject: string, refusal: Refusal): UsageError {
  return new UsageError(`${subject}: ${REFUSAL_TEXT[refusal]}`);
}
