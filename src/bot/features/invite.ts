import { Composer, InlineKeyboard } from "grammy";
import { formatLocalDate } from "../../domain/planning/index.js";
import { belongsToUnit, type Role } from "../../domain/milestones/index.js";
import { createInvite, inviteLink, listInviteUnits } from "../../services/people/invites.js";
import { inviteRoleData, inviteUnitData } from "../callback-data/invite.js";
import type { BoundContext } from "../context.js";
import { canInvite } from "../filters/can.js";
import { refusalText } from "../refusals.js";
import { onPress } from "./actions.js";

const ROLES: Role[] = ["member", "unit_head", "coordinator", "chairman"];

/** Only the office invites; the chat says so in its own words. */
const WORDING = { "not-allowed": "invite-not-allowed" } as const;

/** `/moi`: a coordinator picks a role, then a unit, and gets a one-time link to forward. */
export function inviteFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();

  composer.command("moi", async (ctx) => {
    const { t } = ctx;
    // Asked before the first button, so nobody picks a role only to be refused; createInvite asks again.
    if (!canInvite(ctx)) {
      await ctx.reply(t("invite-not-allowed"));
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const role of ROLES) {
      keyboard.text(t("role-name", { role }), inviteRoleData.pack({ role })).row();
    }
    await ctx.reply(t("invite-choose-role"), { reply_markup: keyboard });
  });

  const issue = async (ctx: BoundContext, role: Role, unitId: string | null) => {
    const invite = await createInvite(ctx.deps.db, ctx.viewer, {
      organizationId: ctx.viewer.organizationId,
      role,
      unitId,
      now: ctx.deps.now(),
    });
    if (invite.kind !== "created") {
      ctx.log.warn({ refusal: invite.kind }, "invite refused");
      await ctx.reply(refusalText(ctx.t, invite, { "not-found": "not-allowed" }));
      return;
    }
    const username = ctx.deps.botUsername ?? ctx.me.username;
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(
      ctx.t("invite-created", {
        role: ctx.t("role-name", { role }),
        unit: invite.unitName ? ctx.t("unit-suffix", { unit: invite.unitName }) : "",
        expires: formatLocalDate(invite.expiresAt, ctx.viewer.timeZone),
        link: inviteLink(username, invite.code),
      }) +
        // The same code works on Zalo when the office has a Zalo bot.
        (ctx.deps.zalo && ctx.deps.zaloBotName
          ? `\n\n${ctx.t("invite-zalo-hint", { bot: ctx.deps.zaloBotName, code: invite.code })}`
          : ""),
    );
  };

  onPress(composer, inviteRoleData, async (ctx, action) => {
    const bound = ctx;
    const choices = await listInviteUnits(ctx.deps.db, bound.viewer, bound.viewer.organizationId);
    if (choices.kind !== "ok") {
      await ctx.answerCallbackQuery({ text: refusalText(ctx.t, choices, WORDING), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    if (!belongsToUnit(action.role)) return issue(bound, action.role, null);
    if (choices.units.length === 0) {
      await ctx.reply(ctx.t("invite-no-units"));
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const unit of choices.units.slice(0, 40)) {
      keyboard.text(unit.name, inviteUnitData.pack({ role: action.role, unitId: unit.id })).row();
    }
    await ctx.editMessageText(ctx.t("invite-choose-unit"), { reply_markup: keyboard });
  });

  onPress(composer, inviteUnitData, async (ctx, action) => {
    const bound = ctx;
    if (!canInvite(bound)) {
      await ctx.answerCallbackQuery({ text: ctx.t("invite-not-allowed"), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    await issue(bound, action.role, action.unitId);
  });
  return composer;
}
