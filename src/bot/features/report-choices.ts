import { Composer, InlineKeyboard, InputFile } from "grammy";
import { parseReportPeriod, reportPeriodsAround } from "../../services/reports/cchc-report.js";
import { buildPeriodReport } from "../../services/reports/period-report.js";
import { refusalText } from "../refusals.js";
import { reportPeriodData } from "../callback-data/report.js";
import type { BoundContext } from "../context.js";
import { canReadOrganization } from "../filters/can.js";
import { onPress } from "./actions.js";

/**
 * `/baocao` also offers the CCHC report of a period as a Word document: the
 * buttons follow the workbook, and each builds the report when pressed.
 */
export function reportChoicesFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  // Only those who read every unit's work are offered the reports; for the others /baocao goes on as it was.
  composer.filter(canReadOrganization).command("baocao", async (ctx, next) => {
    await next();
    const keyboard = new InlineKeyboard();
    for (const period of reportPeriodsAround(ctx.today)) {
      keyboard
        .text(ctx.t("btn-report-period", { period: period.label }), reportPeriodData.pack({ code: period.code }))
        .row();
    }
    await ctx.reply(ctx.t("report-choose"), { reply_markup: keyboard });
  });

  onPress(composer, reportPeriodData, async (ctx, { code }) => {
    const { viewer } = ctx;
    if (!canReadOrganization(ctx)) {
      await ctx.answerCallbackQuery({ text: ctx.t("report-not-allowed"), show_alert: true });
      return;
    }
    const parsed = parseReportPeriod(code);
    if (parsed.kind !== "ok") {
      // The codec admits only periods: a refusal here is an old button.
      await ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
      return;
    }
    const { period } = parsed;
    await ctx.answerCallbackQuery();
    const asOf = ctx.today < period.to ? ctx.today : period.to;
    // A province's people get the report on their communes: the form follows the organization's kind.
    const report = await buildPeriodReport(ctx.deps.db, viewer, viewer.organizationSlug, period, asOf, {
      translator: ctx.translator,
    });
    if (report.kind !== "ok") {
      await ctx.reply(refusalText(ctx.t, report, { "not-allowed": "report-not-allowed" }));
      return;
    }
    await ctx.replyWithDocument(
      new InputFile(report.document, `bao-cao-cchc-${viewer.organizationSlug}-${period.code}.docx`),
      {
        caption: ctx.t("report-docx-caption", { period: period.label, organization: report.organizationName }),
      },
    );
  });
  return composer;
}
