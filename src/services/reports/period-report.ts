/**
 * The report of a period for whichever organization asks: a commune gets
 * its CCHC report (cchc-report.ts), a province or a department the report on
 * its communes (province-report.ts). One choice by the organization's kind,
 * for the command line, the chat and the web's builds alike.
 */
import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { organizations } from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import type { Translator } from "../../i18n/i18n.js";
import type { Principal, Refused } from "../access.js";
import { buildCchcReport, loadCchcReportInput, type ReportPeriod } from "./cchc-report.js";
import { buildProvinceReport, loadProvinceReportInput } from "./province-report.js";

export interface PeriodReport {
  kind: "ok";
  form: "commune" | "province";
  organizationName: string;
  /** The .docx. */
  document: Buffer;
}

/** The Word report of `period` as of `asOf` for the organization `organizationSlug`, in the form its kind takes. */
export async function buildPeriodReport(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  period: ReportPeriod,
  asOf: IsoDate,
  options: { planId?: string | undefined; translator: Translator },
): Promise<Refused<"not-found" | "not-allowed"> | PeriodReport> {
  const source = options.planId ? { planId: options.planId } : {};
  const [organization] = await db
    .select({ kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.slug, organizationSlug));
  if (organization && organization.kind !== "commune") {
    const input = await loadProvinceReportInput(db, principal, organizationSlug, period, asOf, source);
    if (input.kind !== "ok") return input;
    const document = await buildProvinceReport(input, options.translator);
    return { kind: "ok", form: "province", organizationName: input.organizationName, document };
  }
  const input = await loadCchcReportInput(db, principal, organizationSlug, period, asOf, source);
  if (input.kind !== "ok") return input;
  return {
    kind: "ok",
    form: "commune",
    organizationName: input.organizationName,
    document: await buildCchcReport(input),
  };
}
