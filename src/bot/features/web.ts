/**
 * The web app from the chat: `/web` sends a one-time sign-in link for a plain
 * browser and, over https, a button that opens the same pages as a Mini App.
 * The bot's menu button opens the Mini App too.
 */
import { type Api, Composer, InlineKeyboard } from "grammy";
import { createSignInLink } from "../../services/web/sessions.js";
import { LOCALES, translatorFor } from "../../i18n/i18n.js";
import type { BoundContext } from "../context.js";

/** Telegram opens Mini Apps over https only; a development address gets the link alone. */
const miniAppUrl = (publicUrl: string | undefined): string | null =>
  publicUrl?.startsWith("https://") ? `${publicUrl}/app` : null;

export function webFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();
  composer.command("web", async (ctx) => {
    const { viewer, t, deps } = ctx;
    if (!deps.publicUrl) return;
    const token = await createSignInLink(deps.db, viewer, deps.now());
    const appUrl = miniAppUrl(deps.publicUrl);
    await ctx.reply(t("web-link-message", { url: `${deps.publicUrl}/signin/${token}` }), {
      // A preview would fetch the link; the sign-in page spends it only on a press, but nothing needs fetching.
      link_preview_options: { is_disabled: true },
      ...(appUrl ? { reply_markup: new InlineKeyboard().webApp(t("web-open-button"), appUrl) } : {}),
    });
  });
  return composer;
}

/** The chat's menu button opens the Mini App ("Bảng điều khiển"), for everyone. */
export async function registerWebMenuButton(api: Api, publicUrl: string): Promise<void> {
  const url = miniAppUrl(publicUrl);
  if (!url) return;
  const { t } = translatorFor(LOCALES[0]);
  await api.setChatMenuButton({ menu_button: { type: "web_app", text: t("web-menu-button"), web_app: { url } } });
}
