/** A plan without a task table, read from its prose: the hook the table interpreter falls back to. */
import { MissingPlanYearError } from "../import-error.js";
import { readPlanMetadata } from "../interpret/plan-metadata.js";
import type { PlanDraft } from "../plan-draft.js";
import type { SourceDocument } from "../source-document.js";
import { readDocumentIdentity } from "../directive/document-identity.js";
import { documentDeadlineContext } from "../../domain/deadline/index.js";
import { interpretProseBody } from "./interpret-prose.js";
import { proseLinesOf } from "./prose-lines.js";

/** The plan a prose document describes, or null when it has no numbered task part. */
export function interpretProsePlan(
  document: SourceDocument,
  options: { year?: number; receivedOn?: string } = {},
): PlanDraft | null {
  const lines = proseLinesOf(document);
  const deadlines = lines.map((l) => l.text).filter((t) => /thời (gian|hạn)|hoàn thành/iu.test(t));
  const { metadata } = readPlanMetadata(document.paragraphs, {
    ...(options.year ? { year: options.year } : {}),
    deadlines,
  });
  // The body is read first: a document with no task part is refused for that, not for its year.
  const probe = interpretProseBody(lines, { planYear: metadata.year ?? 2000 });
  if (!probe) return null;
  if (metadata.year === null || metadata.period === null) throw new MissingPlanYearError(document.fileName);
  const identity = readDocumentIdentity(lines);
  // The deadline grammar counts "… ngày làm việc kể từ ngày ban hành" from the plan's date once it reads one.
  // "kể từ ngày nhận được" from the receipt when given: the context a receipt set later reads the tasks in.
  const context = documentDeadlineContext({
    reading: "plan",
    year: metadata.year,
    period: metadata.period,
    issuedOn: identity.issuedOn,
    receivedOn: options.receivedOn ?? null,
  });
  const body = interpretProseBody(lines, context) ?? probe;
  return {
    plan: {
      title: metadata.title,
      issuer: metadata.issuer,
      year: metadata.year,
      period: metadata.period,
      kind: "Kế hoạch",
      number: identity.number,
      issuedOn: identity.issuedOn,
      signer: identity.signer,
    },
    sections: body.sections,
    tasks: body.tasks,
    warnings: ["Kế hoạch viết dạng văn bản (không có bảng): nhiệm vụ được đọc từ các đoạn đánh số"],
    explanation: body.explanation,
  };
}
