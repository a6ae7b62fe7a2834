import { Composer } from "grammy";
import { setLocale } from "../../services/people/viewer.js";
import type { BoundContext } from "../context.js";
import { translatorFor } from "../../i18n/i18n.js";
import { languageKeyboard } from "../keyboards/keyboards.js";
import { languageData } from "../callback-data/language.js";
import { onPress } from "./actions.js";

export function languageFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("ngonngu", async (ctx) => {
    await ctx.reply(ctx.t("language-ask"), { reply_markup: languageKeyboard(ctx.t) });
  });
  onPress(composer, languageData, async (ctx, action) => {
    const { viewer } = ctx;
    await setLocale(ctx.deps.db, viewer.personId, action.locale);
    const { t } = translatorFor(action.locale);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await ctx.reply(t("language-set"));
  });
  return composer;
}
