import { Composer } from "grammy";
import { capabilitiesOf } from "../../services/access.js";
import type { BoundContext } from "../context.js";

export function helpFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("help", async (ctx) => {
    const may = capabilitiesOf(ctx.viewer);
    const parts = [ctx.t("help-everyone")];
    if (may.coordinate) parts.push(ctx.t("help-coordinator"));
    // The leaders' section is the office's, less what only the office does: shown to whoever decides extensions but is not the office.
    else if (may.decideExtension) parts.push(ctx.t("help-chairman"));
    await ctx.reply(parts.join("\n\n"));
  });
  return composer;
}
