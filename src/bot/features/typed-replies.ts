import { Composer } from "grammy";
import type { BoundContext } from "../context.js";
import { handleApprovalText } from "./approvals.js";
import { handleMilestoneText } from "./milestone-work.js";
import { handleParText } from "./par.js";
import { handleReviewText } from "./review.js";
import { handleSettingsText } from "./settings.js";

/**
 * Text that is not a command answers what the bot last asked (a date, a
 * reason, a note, a comment); with nothing asked, a pointer to /viec.
 */
export function typedRepliesFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.on("message:text", async (ctx) => {
    const text = ctx.message.text.trim();
    const bound = ctx;
    if (await handleMilestoneText(bound, text)) return;
    if (await handleApprovalText(bound, text)) return;
    if (await handleReviewText(bound, text)) return;
    if (await handleSettingsText(bound, text)) return;
    if (await handleParText(bound, text)) return;
    await ctx.reply(ctx.t("unknown-text"));
  });
  return composer;
}
