/**
 * Word and PDF reports asked for on the web, built off the request path: the
 * request records a build (pending) and a job makes the file (LibreOffice for
 * PDF), storing it or the reason it failed; the page polls until it is ready.
 * The files are the chat's and the command line's, from the same services.
 */
import { and, eq, lt } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { organizations, reportBuilds } from "../../../db/schema.js";
import type { IsoDate } from "../../domain/calendar/index.js";
import { translatorFor } from "../../i18n/i18n.js";
import type { Logger } from "../../logger.js";
import { hasAccess, type Refused } from "../access.js";
import { findViewerById, type Viewer } from "../people/viewer.js";
import { parseReportPeriod } from "./cchc-report.js";
import { loadPaperReport } from "./paper-report.js";
import { convertToPdf, PdfConversionError } from "./pdf.js";
import { buildPeriodReport } from "./period-report.js";
import { buildProvinceReport, loadProvinceReportInput } from "./province-report.js";
import { buildReportWorkbook } from "./report-workbook.js";

/** The results workbook, the report of a period (in the form the organization's kind takes), the province's on its communes. */
export type ReportBuildKind = "workbook" | "cchc" | "province";
export type ReportBuildFormat = "xlsx" | "docx" | "pdf";

export interface ReportBuildRequest {
  kind: ReportBuildKind;
  format: ReportBuildFormat;
  /** The period's code ("2025-Q3"), for a CCHC or a province report. */
  period?: string | undefined;
}

export interface ReportBuild {
  id: string;
  state: "pending" | "ready" | "failed";
  kind: ReportBuildKind;
  format: ReportBuildFormat;
  fileName: string;
  error: string | null;
}

/** Built files are kept this long for their download. */
export const REPORT_BUILD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Records a build for the viewer (coordinators and the chairman; for the
 * province report, the province's readers), to be made by the job: its id,
 * or why not (`period-unknown` names the period). A commune asking for the
 * province report is told there is none (not found).
 */
export async function requestReportBuild(
  db: Database,
  viewer: Viewer,
  request: ReportBuildRequest,
  today: IsoDate,
  now: Date,
): Promise<{ kind: "ok"; id: string } | Refused> {
  if (!hasAccess(viewer, "organization.read", viewer)) return { kind: "not-allowed" };
  if (request.kind === "province") {
    const [organization] = await db
      .select({ kind: organizations.kind })
      .from(organizations)
      .where(eq(organizations.id, viewer.organizationId));
    if (organization?.kind !== "province" && organization?.kind !== "department") return { kind: "not-found" };
  }
  let asOf = today;
  let name = `bao-cao-cchc-${viewer.organizationSlug}-${today}`;
  if (request.kind !== "workbook") {
    const parsed = parseReportPeriod(request.period ?? "");
    if (parsed.kind !== "ok") return parsed;
    const { period } = parsed;
    // A past period reads as it stood at its end; the current one as of today (as in the chat).
    asOf = today < period.to ? today : period.to;
    name = `bao-cao-cchc-${viewer.organizationSlug}-${period.code}`;
  }
  await db.delete(reportBuilds).where(lt(reportBuilds.createdAt, new Date(now.getTime() - REPORT_BUILD_TTL_MS)));
  const [row] = await db
    .insert(reportBuilds)
    .values({
      organizationId: viewer.organizationId,
      personId: viewer.personId,
      kind: request.kind,
      format: request.format,
      period: request.kind === "workbook" ? null : (request.period ?? null),
      asOf,
      fileName: `${name}.${request.format}`,
      createdAt: now,
    })
    .returning({ id: reportBuilds.id });
  return { kind: "ok", id: row!.id };
}

/** The build as its requester sees it (nobody else does); null when unknown. */
export async function findReportBuild(
  db: Database,
  viewer: Viewer,
  buildId: string,
): Promise<(ReportBuild & { bytes: Buffer | null }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(buildId)) return null;
  const [row] = await db
    .select()
    .from(reportBuilds)
    .where(
      and(
        eq(reportBuilds.id, buildId),
        eq(reportBuilds.organizationId, viewer.organizationId),
        eq(reportBuilds.personId, viewer.personId),
      ),
    );
  if (!row) return null;
  return {
    id: row.id,
    state: row.state,
    kind: row.kind as ReportBuildKind,
    format: row.format as ReportBuildFormat,
    fileName: row.fileName,
    error: row.error,
    bytes: row.bytes ? Buffer.from(row.bytes) : null,
  };
}

/** The file of a build, as the services make it for its requester. */
async function buildFile(
  db: Database,
  viewer: Viewer,
  build: typeof reportBuilds.$inferSelect,
  convert: typeof convertToPdf,
): Promise<Buffer | null> {
  if (build.kind === "workbook") {
    const report = await loadPaperReport(db, viewer, viewer.organizationSlug, { today: build.asOf });
    if (report.kind !== "ok") return null;
    const workbook = await buildReportWorkbook(report, translatorFor(viewer.locale, { office: viewer.officeName }));
    return build.format === "pdf" ? convert(workbook, "xlsx") : workbook;
  }
  const parsed = parseReportPeriod(build.period ?? "");
  if (parsed.kind !== "ok") return null;
  const translator = translatorFor(viewer.locale, { office: viewer.officeName });
  let document: Buffer;
  if (build.kind === "province") {
    const input = await loadProvinceReportInput(db, viewer, viewer.organizationSlug, parsed.period, build.asOf);
    if (input.kind !== "ok") return null;
    document = await buildProvinceReport(input, translator);
  } else {
    const report = await buildPeriodReport(db, viewer, viewer.organizationSlug, parsed.period, build.asOf, {
      translator,
    });
    if (report.kind !== "ok") return null;
    document = report.document;
  }
  return build.format === "pdf" ? convert(document, "docx") : document;
}

/**
 * The job's work: makes the file of a pending build and stores it, or stores
 * why it failed (LibreOffice missing or stuck, the requester's rights gone).
 * A build already finished is left alone, so a retried job does nothing twice.
 */
export async function runReportBuild(
  db: Database,
  buildId: string,
  options: { now: () => Date; convert?: typeof convertToPdf },
): Promise<ReportBuild["state"] | "not-found"> {
  const [build] = await db.select().from(reportBuilds).where(eq(reportBuilds.id, buildId));
  if (!build) return "not-found";
  if (build.state !== "pending") return build.state;
  const finish = async (values: { state: "ready" | "failed"; bytes?: Buffer; error?: string }) => {
    await db
      .update(reportBuilds)
      .set({ ...values, finishedAt: options.now() })
      .where(and(eq(reportBuilds.id, buildId), eq(reportBuilds.state, "pending")));
    return values.state;
  };
  const viewer = await findViewerById(db, build.personId);
  if (!viewer || viewer.organizationId !== build.organizationId)
    return finish({ state: "failed", error: "not-allowed" });
  try {
    const bytes = await buildFile(db, viewer, build, options.convert ?? convertToPdf);
    return bytes ? finish({ state: "ready", bytes }) : finish({ state: "failed", error: "not-allowed" });
  } catch (error) {
    // The reason's code, worded by the page in the reader's language (pdf-failed-<reason>).
    if (error instanceof PdfConversionError) return finish({ state: "failed", error: `pdf-failed-${error.reason}` });
    await finish({ state: "failed", error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** Hands a build to whatever makes it (the job queue; the job id is the build's, so it is queued once). */
export type EnqueueReportBuild = (buildId: string) => Promise<void>;

/** Without Redis (tests, the demo): the build runs in this process once the request is answered. */
export function runReportBuildsInProcess(deps: {
  db: Database;
  logger: Logger;
  now: () => Date;
  convert?: typeof convertToPdf;
}): EnqueueReportBuild {
  return (buildId) => {
    setImmediate(() => {
      runReportBuild(deps.db, buildId, { now: deps.now, ...(deps.convert ? { convert: deps.convert } : {}) }).catch(
        (error: unknown) => deps.logger.error({ err: error, buildId }, "report build failed"),
      );
    });
    return Promise.resolve();
  };
}
