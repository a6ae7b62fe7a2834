import { Composer, InputFile } from "grammy";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { unitProgress } from "../../domain/reminders/index.js";
import { readDigestSwitch } from "../../domain/messages/index.js";
import { chooseWeeklyDigest } from "../../services/people/weekly-digest-choice.js";
import { formatDigest, loadDigestFor } from "../../services/reminders/digest-message.js";
import { renderDigestChart } from "../../services/reports/digest-chart.js";
import {
  formatProvinceDigest,
  loadProvinceDigest,
  provinceDigestChart,
} from "../../services/province/province-digest.js";
import type { BoundContext } from "../context.js";
import { refusalText } from "../refusals.js";

/** A province's people also get their communes' digest and its chart (communes for units). */
async function replyProvinceDigest(ctx: BoundContext): Promise<void> {
  const { viewer } = ctx;
  const digest = await loadProvinceDigest(ctx.deps.db, viewer, viewer.organizationId, ctx.today, viewer.timeZone);
  if (digest.kind !== "ok") return;
  await ctx.reply(formatProvinceDigest(digest, ctx.translator));
  const chart = await provinceDigestChart(digest, ctx.translator);
  if (chart) await ctx.replyWithPhoto(new InputFile(chart.png, `xa-phuong-${digest.today}.png`));
}

const SWITCH_ANSWERS = {
  off: { changed: "digest-weekly-off", unchanged: "digest-weekly-off-already" },
  on: { changed: "digest-weekly-on", unchanged: "digest-weekly-on-already" },
} as const;

/**
 * `/tonghop`: the chairman's digest on demand, for coordinators and the
 * chairman; `/tonghop tắt` and `/tonghop bật` stop and resume their weekly one.
 */
export function digestFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("tonghop", async (ctx) => {
    const { viewer } = ctx;
    const typed = ctx.match.trim();
    const choice = readDigestSwitch(typed);
    if (choice) {
      const result = await chooseWeeklyDigest(ctx.deps.db, viewer, choice, ctx.deps.now());
      await ctx.reply(ctx.t(SWITCH_ANSWERS[choice][result]));
      return;
    }
    if (typed !== "") {
      await ctx.reply(ctx.t("digest-switch-unknown", { text: typed }));
      return;
    }
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
    if ((viewer.overseenOrganizationIds ?? []).length > 0) await replyProvinceDigest(ctx);
  });
  return composer;
}
