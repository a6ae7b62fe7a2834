import { Composer, InlineKeyboard } from "grammy";
import { formatLocalDate } from "../../domain/planning/index.js";
import { deactivatePerson, loadRoster } from "../../services/people/roster.js";
import { cancelData } from "../callback-data/conversation.js";
import { inviteUnitData } from "../callback-data/invite.js";
import { deactivateConfirmedData, deactivateData } from "../callback-data/people.js";
import { refusalText } from "../refusals.js";
import type { BoundContext } from "../context.js";
import { onPress } from "./actions.js";

/** `/nguoi`: people by unit (joined, invited, unreachable), and stopping someone's reminders. */
export function peopleFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();

  composer.command("nguoi", async (ctx) => {
    const { viewer, t } = ctx;
    const roster = await loadRoster(ctx.deps.db, viewer, viewer.organizationId, ctx.deps.now());
    if (roster.kind !== "ok") {
      await ctx.reply(refusalText(t, roster, { "not-allowed": "invite-not-allowed" }));
      return;
    }
    const lines = [t("people-title", { organization: viewer.organizationName })];
    const keyboard = new InlineKeyboard();
    for (const group of roster.groups) {
      lines.push("", group.unit ? t("people-unit", { unit: group.unit.name }) : t("people-leaders"));
      for (const person of group.people) {
        lines.push(
          t("people-person", { name: person.name, role: t("role-name", { role: person.role }), state: person.state }),
        );
        if (person.personId !== viewer.personId) {
          keyboard
            .text(t("btn-people-deactivate", { name: person.name }), deactivateData.pack({ personId: person.personId }))
            .row();
        }
      }
      for (const invite of group.invited) {
        lines.push(
          t("people-invited", {
            name: invite.name ?? t("people-invited-unnamed"),
            role: t("role-name", { role: invite.role }),
            expires: formatLocalDate(invite.expiresAt, viewer.timeZone),
          }),
        );
      }
      if (group.people.length === 0 && group.invited.length === 0) lines.push(t("people-empty-unit"));
    }
    await ctx.reply(lines.join("\n"), { reply_markup: keyboard });
  });

  const deactivate = (confirmed: boolean) => async (ctx: BoundContext, action: { personId: string }) => {
    const { viewer, t } = ctx;
    const roster = await loadRoster(ctx.deps.db, viewer, viewer.organizationId, ctx.deps.now());
    if (roster.kind !== "ok") {
      await ctx.answerCallbackQuery({ text: refusalText(t, roster), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    const person = roster.groups.flatMap((g) => g.people).find((p) => p.personId === action.personId);
    if (!person) {
      await ctx.reply(t("button-stale"));
      return;
    }
    if (!confirmed) {
      await ctx.reply(t("people-deactivate-ask", { name: person.name }), {
        reply_markup: new InlineKeyboard()
          .text(t("btn-people-deactivate-confirm"), deactivateConfirmedData.pack({ personId: action.personId }))
          .text(t("btn-cancel"), cancelData.pack({})),
      });
      return;
    }
    const result = await deactivatePerson(ctx.deps.db, viewer, action.personId, ctx.deps.now());
    if (result.kind === "self") {
      await ctx.reply(t("people-not-self"));
      return;
    }
    if (result.kind !== "deactivated") {
      await ctx.reply(refusalText(t, result, { "not-allowed": "button-stale" }));
      return;
    }
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await ctx.reply(t("people-deactivated", { name: result.name }));
    for (const unit of result.emptiedUnits) {
      await ctx.reply(t("people-unit-empty", { unit: unit.name }), {
        reply_markup: new InlineKeyboard().text(
          t("btn-people-invite-replacement", { unit: unit.name }),
          inviteUnitData.pack({ role: "member", unitId: unit.id }),
        ),
      });
    }
  };
  onPress(composer, deactivateData, deactivate(false));
  onPress(composer, deactivateConfirmedData, deactivate(true));
  return composer;
}
