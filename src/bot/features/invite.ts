import { asc, eq, isNull, and } from "drizzle-orm";
import { Composer, InlineKeyboard } from "grammy";
import { units } from "../../../db/schema.js";
import { formatVietnameseDate } from "../../domain/calendar/index.js";
import { canInvite, type Role } from "../../domain/milestones/index.js";
import { createInvite, inviteLink } from "../../services/people/invites.js";
import { encodeCallback } from "../callback-data.js";
import type { BoundContext, BotContext } from "../context.js";
import { onAction } from "./actions.js";

const ROLES: Role[] = ["member", "unit_head", "coordinator", "chairman"];

/** `/moi`: a coordinator picks a role, then a unit, and gets a one-time link to forward. */
export function inviteFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("moi", async (ctx) => {
    const { viewer, t } = ctx as BoundContext;
    if (!canInvite(viewer)) {
      await ctx.reply(t("invite-not-allowed"));
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const role of ROLES) {
      keyboard.text(t("role-name", { role }), encodeCallback({ verb: "invite-role", role })).row();
    }
    await ctx.reply(t("invite-choose-role"), { reply_markup: keyboard });
  });

  const issue = async (ctx: BoundContext, role: Role, unitId: string | null) => {
    const invite = await createInvite(ctx.deps.db, {
      organizationId: ctx.viewer.organizationId,
      role,
      unitId,
      createdByPersonId: ctx.viewer.personId,
      now: ctx.deps.now(),
    });
    const username = ctx.deps.botUsername ?? ctx.me.username;
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(
      ctx.t("invite-created", {
        role: ctx.t("role-name", { role }),
        unit: invite.unitName ? ctx.t("unit-suffix", { unit: invite.unitName }) : "",
        expires: formatVietnameseDate(invite.expiresAt.toISOString().slice(0, 10)),
        link: inviteLink(username, invite.code),
      }),
    );
  };

  onAction(composer, "invite-role", async (ctx, action) => {
    const bound = ctx as BoundContext;
    if (!canInvite(bound.viewer)) {
      await ctx.answerCallbackQuery({ text: ctx.t("invite-not-allowed"), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    if (action.role === "coordinator" || action.role === "chairman") return issue(bound, action.role, null);
    const choices = await ctx.deps.db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.organizationId, bound.viewer.organizationId), isNull(units.mergedIntoId)))
      .orderBy(asc(units.name));
    if (choices.length === 0) {
      await ctx.reply(ctx.t("invite-no-units"));
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const unit of choices.slice(0, 40)) {
      keyboard.text(unit.name, encodeCallback({ verb: "invite-unit", role: action.role, unitId: unit.id })).row();
    }
    await ctx.editMessageText(ctx.t("invite-choose-unit"), { reply_markup: keyboard });
  });

  onAction(composer, "invite-unit", async (ctx, action) => {
    const bound = ctx as BoundContext;
    if (!canInvite(bound.viewer)) {
      await ctx.answerCallbackQuery({ text: ctx.t("invite-not-allowed"), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    // createInvite checks that the unit belongs to the coordinator's organization.
    await issue(bound, action.role, action.unitId).catch(async (error: unknown) => {
      ctx.log.warn({ err: error }, "invite refused");
      await ctx.reply(ctx.t("not-allowed"));
    });
  });
  return composer;
}
