/**
 * `/zalo`: a person already on Telegram gets a one-time code to send the Zalo
 * bot, so their reminders reach Zalo too (their invite was used up here).
 */
import { Composer } from "grammy";
import { createZaloLinkCode } from "../../services/people/channel-links.js";
import type { BoundContext } from "../context.js";

export function zaloLinkFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("zalo", async (ctx) => {
    const { deps, viewer, t } = ctx;
    if (!deps.zalo || !deps.zaloBotName) {
      await ctx.reply(t("zalo-not-enabled"));
      return;
    }
    const { code } = await createZaloLinkCode(deps.db, viewer, deps.now());
    // The code alone in its own message: easy to copy on a phone.
    await ctx.reply(t("zalo-code-message", { bot: deps.zaloBotName }));
    await ctx.reply(code);
  });
  return composer;
}
