import { Composer, InlineKeyboard } from "grammy";
import { InvalidSettingError, parseSettingInput, type SettingField, weekdayName } from "../../domain/settings/index.js";
import { effectLines, LISTED_FIELDS, settingsLines } from "../../i18n/settings-text.js";
import {
  applySettingChange,
  loadOfficeSettings,
  previewSettingChange,
} from "../../services/settings/office-settings.js";
import { cancelData } from "../callback-data/conversation.js";
import {
  type SettingChoice,
  settingsApplyData,
  settingsChoiceData,
  settingsFieldData,
} from "../callback-data/settings.js";
import type { BoundContext } from "../context.js";
import { cancelKeyboard } from "../keyboards/keyboards.js";
import { refusalText } from "../refusals.js";
import { onPress } from "./actions.js";

/** Settings answered by a button; the others are typed. */
const CHOICES: Partial<Record<SettingField, SettingChoice[]>> = {
  remindSupportingUnits: ["co", "khong"],
  weeklyDigestDay: ["t2", "t3", "t4", "t5", "t6", "t7"],
  weeklyDigestTo: ["chu tich", "van phong", "ca hai"],
};

const CHOICE_LABELS: Record<SettingChoice, (t: BoundContext["t"]) => string> = {
  co: (t) => t("settings-yes"),
  khong: (t) => t("settings-no"),
  t2: () => weekdayName(1),
  t3: () => weekdayName(2),
  t4: () => weekdayName(3),
  t5: () => weekdayName(4),
  t6: () => weekdayName(5),
  t7: () => weekdayName(6),
  "chu tich": (t) => t("settings-to-chairman"),
  "van phong": (t) => t("settings-to-coordinators"),
  "ca hai": (t) => t("settings-to-both"),
};

const FIELD_BUTTONS: readonly SettingField[] = [...LISTED_FIELDS, "dayOff", "workingDay", "clearDay"];

/** Reads the value, previews what it does to the coming sends and asks to confirm; a bad value is said and asked again. */
async function previewChange(ctx: BoundContext, field: SettingField, text: string): Promise<void> {
  let change;
  try {
    change = parseSettingInput(field, text);
  } catch (error) {
    if (!(error instanceof InvalidSettingError)) throw error;
    ctx.session.pending = { kind: "settings-value", field };
    await ctx.reply(`⚠️ ${error.message}`, { reply_markup: cancelKeyboard(ctx.t) });
    return;
  }
  const { viewer } = ctx;
  const result = await previewSettingChange(ctx.deps.db, viewer, viewer.organizationId, change, ctx.deps.now());
  if (result.kind !== "preview") {
    ctx.session.pending = null;
    await ctx.reply(refusalText(ctx.t, result, { "not-allowed": "settings-not-allowed" }));
    return;
  }
  if (JSON.stringify(result.effect.before) === JSON.stringify(result.effect.after)) {
    ctx.session.pending = null;
    await ctx.reply(ctx.t("settings-same"));
    return;
  }
  ctx.session.pending = { kind: "settings-confirm", field, text: text.slice(0, 200) };
  const lines = [
    ...effectLines(ctx.translator, field, result.effect, viewer.timeZone),
    "",
    ctx.t("settings-confirm-ask"),
  ];
  await ctx.reply(lines.join("\n"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("settings-confirm-button"), settingsApplyData.pack({}))
      .text(ctx.t("btn-cancel"), cancelData.pack({})),
  });
}

/** A typed value for the setting the bot asked about; false when it was not waiting for one. */
export async function handleSettingsText(ctx: BoundContext, text: string): Promise<boolean> {
  const pending = ctx.session.pending;
  if (pending?.kind !== "settings-value") return false;
  await previewChange(ctx, pending.field, text);
  return true;
}

/** `/caidat`: the office's settings for its coordinators; each change previewed, confirmed, then the sends ahead replanned. */
export function settingsFeature(): Composer<BoundContext> {
  const composer = new Composer<BoundContext>();

  composer.command("caidat", async (ctx) => {
    const { viewer, t } = ctx;
    const view = await loadOfficeSettings(ctx.deps.db, viewer, viewer.organizationId);
    if (view.kind !== "settings") {
      await ctx.reply(refusalText(t, view, { "not-allowed": "settings-not-allowed" }));
      return;
    }
    const keyboard = new InlineKeyboard();
    for (const field of FIELD_BUTTONS)
      keyboard.text(t(`settings-field-${field}`), settingsFieldData.pack({ field })).row();
    const lines = [
      t("settings-title", { office: view.settings.officeName ?? view.organizationName }),
      ...settingsLines(ctx.translator, view.settings),
      "",
      t("settings-pick"),
    ];
    await ctx.reply(lines.join("\n"), { reply_markup: keyboard });
  });

  onPress(composer, settingsFieldData, async (ctx, { field }) => {
    await ctx.answerCallbackQuery();
    const { viewer, t } = ctx;
    const view = await loadOfficeSettings(ctx.deps.db, viewer, viewer.organizationId);
    if (view.kind !== "settings") {
      await ctx.reply(refusalText(t, view, { "not-allowed": "settings-not-allowed" }));
      return;
    }
    const choices = CHOICES[field];
    if (choices) {
      const keyboard = new InlineKeyboard();
      for (const choice of choices) keyboard.text(CHOICE_LABELS[choice](t), settingsChoiceData.pack({ field, choice }));
      keyboard.row().text(t("btn-cancel"), cancelData.pack({}));
      await ctx.reply(t("settings-ask-choice", { label: t(`settings-field-${field}`) }), { reply_markup: keyboard });
      return;
    }
    ctx.session.pending = { kind: "settings-value", field };
    await ctx.reply(t(`settings-ask-${field}`), { reply_markup: cancelKeyboard(t) });
  });

  onPress(composer, settingsChoiceData, async (ctx, { field, choice }) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    await previewChange(ctx, field, choice);
  });

  onPress(composer, settingsApplyData, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    const pending = ctx.session.pending;
    if (pending?.kind !== "settings-confirm") {
      await ctx.reply(ctx.t("settings-expired"));
      return;
    }
    ctx.session.pending = null;
    const { viewer } = ctx;
    const result = await applySettingChange(
      ctx.deps.db,
      viewer,
      viewer.organizationId,
      parseSettingInput(pending.field, pending.text),
      { now: ctx.deps.now(), logger: ctx.log },
    );
    if (result.kind !== "applied") {
      await ctx.reply(refusalText(ctx.t, result, { "not-allowed": "settings-not-allowed" }));
      return;
    }
    if (result.slots.length > 0) await ctx.deps.scheduleSlots?.(result.slots);
    await ctx.reply(
      [ctx.t("settings-applied"), ...effectLines(ctx.translator, pending.field, result.effect, viewer.timeZone)].join(
        "\n",
      ),
    );
  });

  return composer;
}
