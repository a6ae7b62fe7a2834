/**
 * Entry of the separate process that reads one plan document (see read-plan-file.ts):
 * receives one request over IPC, answers once and exits.
 */
import { NoAssignmentsError } from "./directive/read-directive.js";
import { ImportError, MissingPlanYearError } from "./import-error.js";
import { CHILD_READY, type ReadPlanRequest, type ReadPlanResponse, readPlanInThisProcess } from "./read-plan-file.js";

function toResponse(error: unknown): ReadPlanResponse {
  if (error instanceof ImportError) {
    return {
      ok: false,
      error: {
        missingYear: error instanceof MissingPlanYearError,
        nothingAssigned: error instanceof NoAssignmentsError,
        reason: error.reason,
        file: error.file,
        location: error.location,
        ...(error.detail !== undefined ? { detail: error.detail } : {}),
      },
    };
  }
  return {
    ok: false,
    error: { missingYear: false, reason: null, detail: error instanceof Error ? error.message : String(error) },
  };
}

process.once("message", (request: ReadPlanRequest) => {
  readPlanInThisProcess(request)
    .then((draft): ReadPlanResponse => ({ ok: true, draft }), toResponse)
    .then((response) => process.send?.(response, () => process.exit(0)))
    .catch(() => process.exit(1));
});

// Loaded: the parent counts the file's CPU time from here (what starting the program cost is not the file's).
process.send?.(CHILD_READY);
