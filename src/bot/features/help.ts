import { Composer } from "grammy";
import type { BoundContext } from "../context.js";

export function helpFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("help", async (ctx) => {
    const { viewer } = ctx;
    const parts = [ctx.t("help-everyone")];
    if (viewer.roles.some((r) => r.role === "coordinator")) parts.push(ctx.t("help-coordinator"));
    if (viewer.roles.some((r) => r.role === "chairman")) parts.push(ctx.t("help-chairman"));
    await ctx.reply(parts.join("\n\n"));
  });
  return composer;
}
