import { Composer, InlineKeyboard, InputFile } from "grammy";
import { capabilitiesOf } from "../../services/access.js";
import {
  buildCchcReport,
  loadCchcReportInput,
  parseReportPeriod,
  reportPeriodsAround,
} from "../../services/reports/cchc-report.js";
import { refusalText } from "../refusals.js";
import type { BoundContext } from "../context.js";

/**
 * `/baocao` also offers the CCHC report of a period as a Word document: the
 * buttons follow the workbook, and each builds the report when pressed.
 */
export function reportChoicesFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("baocao", async (ctx, next) => {
    await next();
    if (!capabilitiesOf(ctx.viewer).readOrganization) return;
    const keyboard = new InlineKeyboard();
    for (const period of reportPeriodsAround(ctx.today)) {
      keyboard.text(ctx.t("btn-report-period", { period: period.label }), `rep:${period.code}`).row();
    }
    await ctx.reply(ctx.t("report-choose"), { reply_markup: keyboard });
  });

  composer.callbackQuery(/^rep:(\d{4}(?:-Q[1-4]|-H[12])?)$/, async (ctx) => {
    const { viewer } = ctx;
    const parsed = parseReportPeriod(ctx.match[1] as string);
    if (parsed.kind !== "ok") {
      // The pattern above admits only periods: a refusal here is an old button.
      await ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
      return;
    }
    const { period } = parsed;
    await ctx.answerCallbackQuery();
    const asOf = ctx.today < period.to ? ctx.today : period.to;
    const input = await loadCchcReportInput(ctx.deps.db, viewer, viewer.organizationSlug, period, asOf);
    if (input.kind !== "ok") {
      await ctx.reply(refusalText(ctx.t, input, { "not-allowed": "report-not-allowed" }));
      return;
    }
    const document = await buildCchcReport(input);
    await ctx.replyWithDocument(
      new InputFile(document, `bao-cao-cchc-${viewer.organizationSlug}-${period.code}.docx`),
      {
        caption: ctx.t("report-docx-caption", { period: period.label, organization: input.organizationName }),
      },
    );
  });
  return composer;
}
