import { Composer, InputFile } from "grammy";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { loadPaperReport } from "../../services/reports/paper-report.js";
import { buildReportWorkbook } from "../../services/reports/report-workbook.js";
import type { BoundContext } from "../context.js";
import { refusalText } from "../refusals.js";

/** `/baocao`: the results report as an .xlsx, for coordinators and the chairman. */
export function reportFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("baocao", async (ctx) => {
    const { viewer } = ctx;
    const report = await loadPaperReport(ctx.deps.db, viewer, viewer.organizationSlug, { today: ctx.today });
    if (report.kind !== "ok") {
      await ctx.reply(refusalText(ctx.t, report, { "not-allowed": "report-not-allowed" }));
      return;
    }
    const { organizationName, rows } = report;
    if (rows.length === 0) {
      await ctx.reply(ctx.t("report-empty"));
      return;
    }
    const workbook = await buildReportWorkbook(report, ctx.translator);
    await ctx.replyWithDocument(new InputFile(workbook, `bao-cao-cchc-${viewer.organizationSlug}-${ctx.today}.xlsx`), {
      caption: ctx.t("report-caption", { organization: organizationName, date: formatVietnameseDate(ctx.today) }),
    });
  });
  return composer;
}
