import { Composer, InputFile } from "grammy";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { unitProgress } from "../../domain/reminders/index.js";
import { formatDigest, loadDigestFor } from "../../services/reminders/digest-message.js";
import { renderDigestChart } from "../../services/reports/digest-chart.js";
import type { BoundContext } from "../context.js";
import { refusalText } from "../refusals.js";

/** `/tonghop`: the chairman's digest on demand, for coordinators and the chairman. */
export function digestFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("tonghop", async (ctx) => {
    const { viewer } = ctx;
    const loaded = await loadDigestFor(ctx.deps.db, viewer, ctx.today);
    if (loaded.kind !== "ok") {
      await ctx.reply(refusalText(ctx.t, loaded, { "not-allowed": "digest-not-allowed" }));
      return;
    }
    const { digest, milestones } = loaded;
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
