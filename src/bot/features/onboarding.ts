import { Composer } from "grammy";
import { DateTime } from "luxon";
import { DEFAULT_TIME_ZONE } from "../../domain/planning/planning-context.js";
import { INVITE_GUESS_LIMIT, inviteChatKey, redeemInvite } from "../../services/people/invites.js";
import { findViewer } from "../../services/people/viewer.js";
import type { BotContext, BoundContext } from "../context.js";
import { translatorFor, withOrganizationWords } from "../../i18n/i18n.js";

/** `/start <code>` binds a Telegram account; anyone not bound gets a short explanation and nothing else. */
export function onboardingFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChats = composer.chatType("private");

  privateChats.command("start", async (ctx) => {
    const code = ctx.match.trim();
    if (code === "") {
      await ctx.reply(ctx.viewer ? ctx.t("welcome-back", { name: ctx.viewer.fullName }) : ctx.t("not-registered"));
      return;
    }
    const { db, now } = ctx.deps;
    const result = await redeemInvite(db, {
      code,
      telegramUserId: ctx.from.id,
      chatId: ctx.chat.id,
      chatKey: inviteChatKey("telegram", ctx.chat.id),
      fullName: [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" "),
      locale: ctx.from.language_code?.startsWith("en") ? "en" : "vi",
      now: now(),
    });
    if (result.kind !== "joined" && result.reason === "too-many-attempts") {
      const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - now().getTime()) / 60_000));
      await ctx.reply(
        ctx.t("invite-too-many-attempts", {
          attempts: INVITE_GUESS_LIMIT.attempts,
          window: INVITE_GUESS_LIMIT.windowMinutes,
          time: DateTime.fromJSDate(result.retryAt, { zone: DEFAULT_TIME_ZONE }).toFormat("HH:mm"),
          minutes,
        }),
      );
      return;
    }
    if (result.kind !== "joined") {
      const key = {
        "code-unknown": "invite-unknown",
        "code-used": "invite-used",
        "code-expired": "invite-expired",
        "chat-bound": "invite-already-bound",
      }[result.reason];
      const office = result.officeName ?? null;
      await ctx.reply(
        withOrganizationWords(ctx.translator, { office }).t(key, { organization: result.organizationName ?? "" }),
      );
      return;
    }
    const viewer = await findViewer(db, ctx.from.id);
    const { t } = translatorFor(viewer?.locale, { office: result.officeName });
    const unit = result.unitName ? t("unit-suffix", { unit: result.unitName }) : "";
    await ctx.reply(
      t("welcome", {
        name: viewer?.fullName ?? ctx.from.first_name,
        organization: result.organizationName,
        role: t("role-name", { role: result.role }),
        unit,
      }),
    );
    ctx.log.info({ personId: result.personId, role: result.role }, "invite redeemed");
  });

  return composer;
}

/** The gate: features after it see a bound viewer, typed (`Composer<BoundContext>`), without casts. */
export const isBound = (ctx: BotContext): ctx is BoundContext => ctx.viewer !== null;

/** What a stranger gets for anything but `/start <code>`: a short explanation and nothing else. */
export async function refuseStranger(ctx: BotContext, next: () => Promise<void>): Promise<void> {
  if (ctx.viewer) return next();
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery({ text: ctx.t("not-registered"), show_alert: true });
    return;
  }
  if (ctx.chat?.type === "private" && ctx.message) await ctx.reply(ctx.t("not-registered"));
}
