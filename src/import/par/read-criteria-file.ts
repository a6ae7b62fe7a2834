import { assertDocumentWithinLimits, assertFileWithinLimits } from "../document-limits.js";
import { readDocument } from "../read-document.js";
import { DEFAULT_READ_LIMITS } from "../read-limits.js";
import { type CriteriaDraft, interpretCriteria, isCriteriaHeader } from "./interpret-criteria.js";

/**
 * Reads a province's criteria set (.docx, .xlsx, .pdf, .odt, .doc, .csv…)
 * through the plan importer's readers and limits. Criteria tables are a few
 * hundred rows, so they are read in the calling process.
 */
export async function readCriteriaFile(
  fileName: string,
  bytes: Buffer,
  set: { province: string; year: number; title?: string; source?: string },
): Promise<CriteriaDraft> {
  await assertFileWithinLimits(fileName, bytes, DEFAULT_READ_LIMITS);
  const document = await readDocument(fileName, bytes, { acceptHeader: isCriteriaHeader });
  assertDocumentWithinLimits(document, DEFAULT_READ_LIMITS);
  return interpretCriteria(document, set);
}
