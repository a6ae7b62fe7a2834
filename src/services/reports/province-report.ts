/**
 * The province's (or a department's) Decree 30 report on its communes for a
 * quarter, a half year or a year: the period in figures, the communes ranked
 * by the league table, those with work overdue, and each province task
 * across the communes ("32/100 xã đã hoàn thành"). The standing, the ranking
 * and the sums are the domain's (province/standing.ts), read over the
 * milestones due within the period; the layout is the commune report's.
 */
import type { Paragraph, Table } from "docx";
import { asc, count, eq, inArray } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { organizations, plans, tasks } from "../../../db/schema.js";
import { formatVietnameseDate, type IsoDate } from "../../domain/calendar/index.js";
import type { OrganizationKind } from "../../domain/milestones/index.js";
import { type LeagueRow, type LeagueTotals, leagueTotals, mostOverdue } from "../../domain/province/index.js";
import { issuerOf } from "../../domain/units/index.js";
import type { Translator } from "../../i18n/i18n.js";
import { type Principal, type Refused, requireReadable } from "../access.js";
import { loadLeague, type ProvinceTaskLine } from "../province/standing.js";
import type { ReportPeriod } from "./cchc-report.js";
import {
  body,
  boxedTable,
  documentHeading,
  heading,
  packDecree30Document,
  placeholder,
  reportTitle,
  signatureBlock,
  TEXT_WIDTH_TWIPS,
} from "./decree30-document.js";
import { formatRate } from "./report-tally.js";

export interface ProvinceReportInput {
  organizationName: string;
  organizationKind: OrganizationKind;
  /** The body a department answers to ("UBND tỉnh Quảng Trị"), printed above it; null at the top. */
  parentName: string | null;
  /** The province's documents whose tasks the communes did in the period, in the order they came. */
  planTitles: string[];
  period: ReportPeriod;
  asOf: IsoDate;
  /** Every commune under the province, whether or not work of the period reached it. */
  communeCount: number;
  /** The league table of the period: one row per commune with work due in it, in rank order. */
  rows: LeagueRow[];
  totals: LeagueTotals;
  /** Each province task due in the period, across its communes. */
  tasks: ProvinceTaskLine[];
}

/** How many communes the overdue section names one by one; the table holds them all. */
const MOST_OVERDUE = 10;

/**
 * The facts of the province's report: its communes' copies of its work with
 * milestones due in the period, judged as of `asOf`; `source` keeps one of
 * the province's documents. A commune has no such report: not found, as for
 * a province the principal may not read.
 */
export async function loadProvinceReportInput(
  db: Database,
  principal: Principal,
  organizationSlug: string,
  period: ReportPeriod,
  asOf: IsoDate,
  source: { planId?: string } = {},
): Promise<Refused<"not-found" | "not-allowed"> | ({ kind: "ok" } & ProvinceReportInput)> {
  const [organization] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      parentId: organizations.parentId,
    })
    .from(organizations)
    .where(eq(organizations.slug, organizationSlug));
  if (!organization) return { kind: "not-found" };
  const refused = requireReadable(principal, organization.id);
  if (refused) return refused;
  if (organization.kind === "commune") return { kind: "not-found" };
  const league = await loadLeague(db, principal, organization.id, asOf, {
    within: { from: period.from, to: period.to },
    sourcePlanId: source.planId,
  });
  if (league.kind !== "ok") return league;
  const [children] = await db
    .select({ count: count() })
    .from(organizations)
    .where(eq(organizations.parentId, organization.id));
  const [parent] = organization.parentId
    ? await db
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, organization.parentId))
    : [];
  const sourceIds = league.tasks.map((task) => task.sourceTaskId);
  const titles =
    sourceIds.length === 0
      ? []
      : await db
          .selectDistinct({ title: plans.title, createdAt: plans.createdAt })
          .from(plans)
          .innerJoin(tasks, eq(tasks.planId, plans.id))
          .where(inArray(tasks.id, sourceIds))
          .orderBy(asc(plans.createdAt));
  return {
    kind: "ok",
    organizationName: organization.name,
    organizationKind: organization.kind,
    parentName: parent?.name ?? null,
    planTitles: titles.map((plan) => plan.title),
    period,
    asOf,
    communeCount: children?.count ?? 0,
    rows: league.rows,
    totals: leagueTotals(league.rows),
    tasks: league.tasks,
  };
}

/** II: one row per commune in rank order, and the province's total. */
function communesTable(input: ProvinceReportInput, t: Translator["t"]): Table {
  const titles = [
    t("province-report-col-number"),
    t("web-province-commune"),
    t("province-workbook-tasks"),
    t("province-workbook-on-time"),
    t("province-report-col-done-late"),
    t("web-province-overdue"),
    t("province-report-col-share"),
    t("province-report-col-rank"),
  ];
  // The commune's name takes what the figures leave of the page's width.
  const figureWidths = [1000, 1100, 1100, 900, 1100, 1000];
  const widths = [720, TEXT_WIDTH_TWIPS - 720 - figureWidths.reduce((a, b) => a + b, 0), ...figureWidths];
  const figures = (row: Omit<LeagueTotals, "communes" | "pending">) => [
    String(row.tasks),
    String(row.doneOnTime),
    String(row.doneLate),
    String(row.overdue),
    formatRate(row.onTimeShare),
  ];
  const rows = input.rows.map((row, index) => [
    String(index + 1),
    row.organizationName,
    ...figures(row),
    String(row.rank),
  ]);
  rows.push(["", t("province-report-total"), ...figures(input.totals), ""]);
  return boxedTable(titles, widths, rows, { boldLast: true, textColumn: 1 });
}

/** III: the communes most overdue, each with the province tasks it has overdue (from the tasks' roll-ups). */
function overdueSection(input: ProvinceReportInput, t: Translator["t"]): Paragraph[] {
  const named = mostOverdue(input.rows, MOST_OVERDUE);
  if (named.length === 0) return [body(t("province-report-overdue-none"))];
  const paragraphs = named.map((row) => {
    const overdueTasks = input.tasks.flatMap((task) =>
      task.lateCommunes
        .filter((c) => c.organizationId === row.organizationId && c.status === "overdue")
        .map((c) => t("province-report-overdue-task", { title: task.title, days: c.daysLate })),
    );
    const line = t("province-report-overdue-commune", {
      commune: row.organizationName,
      overdue: row.overdue,
      days: row.daysLate,
    });
    return body(`${line}${overdueTasks.length > 0 ? `: ${overdueTasks.join("; ")}` : ""}.`);
  });
  const others = mostOverdue(input.rows).length - named.length;
  if (others > 0) paragraphs.push(body(t("province-report-overdue-more", { count: others })));
  return paragraphs;
}

/** The province's report as a .docx, its words from `t`; what only a person can judge is left in [brackets]. */
export async function buildProvinceReport(input: ProvinceReportInput, { t }: Translator): Promise<Buffer> {
  const { period, totals } = input;
  const issuer = issuerOf(input.organizationName, input.organizationKind);
  const plansText = input.planTitles.length > 0 ? input.planTitles.join("; ") : t("province-report-plans-unknown");
  const summary =
    totals.tasks === 0
      ? t("province-report-none")
      : t("province-report-summary", {
          communes: input.communeCount,
          reached: totals.communes,
          tasks: input.tasks.length,
          copies: totals.tasks,
          onTime: totals.doneOnTime,
          late: totals.doneLate,
          overdue: totals.overdue,
          pending: totals.pending,
          share: formatRate(totals.onTimeShare),
        });
  const children: Array<Paragraph | Table> = [
    documentHeading({ name: input.organizationName, parentName: input.parentName, symbol: issuer.symbol }),
    ...reportTitle(t("province-report-subject", { period: period.label })),
    body(
      t("province-report-intro", {
        plans: plansText,
        issuer: input.organizationName,
        period: period.label,
        date: formatVietnameseDate(input.asOf),
      }),
    ),
    heading(t("province-report-summary-heading")),
    body(summary),
    placeholder(t("province-report-assess")),
    heading(t("province-report-communes-heading")),
    body(t("province-report-ranking-rule")),
    communesTable(input, t),
    heading(t("province-report-overdue-heading")),
    ...overdueSection(input, t),
    placeholder(t("province-report-causes")),
    heading(t("province-report-tasks-heading")),
    ...(input.tasks.length === 0
      ? [body(t("province-report-none"))]
      : input.tasks.map((task) =>
          body(
            `- ${task.title}: ${t("web-province-task-done", { done: task.done, total: task.total, late: task.late })}.`,
          ),
        )),
    heading(t("province-report-proposals-heading")),
    placeholder(t("province-report-proposals")),
    ...signatureBlock(
      [
        t("province-report-recipient-above"),
        t("province-report-recipient-communes"),
        t("province-report-recipient-archive"),
      ],
      issuer.signer,
    ),
  ];
  return packDecree30Document(t("province-report-title", { period: period.label }), children);
}
