import { Composer } from "grammy";
import type { BoundContext, BotContext } from "../context.js";

export function helpFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("help", async (ctx) => {
    const { viewer } = ctx as BoundContext;
    const parts = [ctx.t("help-everyone")];
    if (viewer.roles.some((r) => r.role === "coordinator")) parts.push(ctx.t("help-coordinator"));
    if (viewer.roles.some((r) => r.role === "chairman")) parts.push(ctx.t("help-chairman"));
    await ctx.reply(parts.join("\n\n"));
  });
  return composer;
}
