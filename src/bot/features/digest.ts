import { Composer, InputFile } from "grammy";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { buildDigest, unitProgress } from "../../domain/reminders/index.js";
import { seesWholeOrganization } from "../../domain/milestones/index.js";
import { formatDigest, loadDigestMilestones } from "../../services/reminders/digest-message.js";
import { renderDigestChart } from "../../services/reports/digest-chart.js";
import type { BoundContext } from "../context.js";

/** `/tonghop`: the chairman's digest on demand, for coordinators and the chairman. */
export function digestFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("tonghop", async (ctx) => {
    const { viewer } = ctx;
    if (!seesWholeOrganization(viewer)) {
      await ctx.reply(ctx.t("digest-not-allowed"));
      return;
    }
    const milestones = await loadDigestMilestones(ctx.deps.db, viewer.organizationId, viewer.timeZone);
    const digest = buildDigest(milestones, ctx.today);
    await ctx.reply(formatDigest(digest, ctx.translator));
    const week = formatVietnameseDate(digest.weekOf);
    const chart = await renderDigestChart(unitProgress(milestones, ctx.today), {
      translator: ctx.translator,
      weekOf: week,
    });
    if (chart) {
      await ctx.replyWithPhoto(new InputFile(chart.png, `tien-do-${digest.weekOf}.png`), {
        caption: ctx.t("chart-title", { week }),
      });
    }
  });
  return composer;
}
