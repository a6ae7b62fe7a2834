import { Composer } from "grammy";
import { seesWholeOrganization } from "../../domain/milestones/index.js";
import { formatDigest, loadDigest } from "../../services/reminders/digest-message.js";
import type { BoundContext, BotContext } from "../context.js";

/** `/tonghop`: the chairman's digest on demand, for coordinators and the chairman. */
export function digestFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("tonghop", async (ctx) => {
    const { viewer } = ctx as BoundContext;
    if (!seesWholeOrganization(viewer)) {
      await ctx.reply(ctx.t("digest-not-allowed"));
      return;
    }
    const digest = await loadDigest(ctx.deps.db, viewer.organizationId, ctx.today, viewer.timeZone);
    await ctx.reply(formatDigest(digest, ctx.translator));
  });
  return composer;
}
