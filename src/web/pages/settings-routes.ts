/**
 * The office's settings on the web, through the service /caidat uses: a
 * coordinator picks a setting, types its value, reads what it does to the
 * coming sends and applies it. Anyone else gets a 404, as for the other
 * coordinators' pages.
 */
import { type Context, Hono } from "hono";
import type { Database } from "../../../db/client.js";
import { InvalidSettingError, isSettingField, parseSettingInput } from "../../domain/settings/index.js";
import { translatorFor } from "../../i18n/i18n.js";
import { effectLines } from "../../i18n/settings-text.js";
import type { Logger } from "../../logger.js";
import type { SendSlot } from "../../services/reminders/sync-reminders.js";
import {
  applySettingChange,
  loadOfficeSettings,
  previewSettingChange,
} from "../../services/settings/office-settings.js";
import { field, type PageRender, signedInRender, type SubjectRoutes, type WebEnv } from "../route-kit.js";
import { settingsPage, type SettingsPageData, settingsPreviewPage } from "./settings-page.js";

export function settingsRoutes(
  deps: {
    db: Database;
    now: () => Date;
    logger: Logger;
    scheduleSlots?: ((slots: SendSlot[]) => Promise<void>) | undefined;
  },
  render: PageRender = signedInRender,
): SubjectRoutes {
  const app = new Hono<WebEnv>();
  const translatorOf = (c: Context<WebEnv>) => translatorFor(c.get("lang"), { office: c.get("viewer").officeName });

  const show = async (c: Context<WebEnv>, status: number, extra: Partial<SettingsPageData> = {}) => {
    const viewer = c.get("viewer");
    const view = await loadOfficeSettings(deps.db, viewer, viewer.organizationId);
    if (view.kind !== "settings") return render.notFound(c);
    const translator = translatorOf(c);
    return render.page(
      c,
      status,
      translator.t("web-nav-settings"),
      settingsPage(translator, {
        office: view.settings.officeName ?? view.organizationName,
        settings: view.settings,
        csrfToken: c.get("csrfToken"),
        ...extra,
      }),
    );
  };

  /** The posted field and value, read by the domain; a refusal is the page again with the sentence naming the field. */
  const readForm = async (c: Context<WebEnv>) => {
    const form = await c.req.parseBody({ all: true });
    const name = field(form, "field", 40);
    // The typed forms post lists of numbers as parts: joined as the chat's "14/7/3/1", read by the same parser.
    const parts = ([] as unknown[]).concat(form.part ?? []).filter((p): p is string => typeof p === "string");
    const value =
      parts.length > 0
        ? parts
            .map((p) => p.trim())
            .filter((p) => p !== "")
            .join("/")
            .slice(0, 200)
        : field(form, "value", 200);
    if (!isSettingField(name))
      return { refused: await show(c, 400, { flash: { kind: "error", text: c.get("t")("web-bad-request") } }) };
    try {
      return { field: name, value, change: parseSettingInput(name, value) };
    } catch (error) {
      if (!(error instanceof InvalidSettingError)) throw error;
      return { refused: await show(c, 422, { flash: { kind: "error", text: error.message }, field: name, value }) };
    }
  };

  app.get("/settings", (c) =>
    show(c, 200, c.req.query("done") === "1" ? { flash: { kind: "ok", text: c.get("t")("settings-applied") } } : {}),
  );

  app.post("/settings/preview", async (c) => {
    const read = await readForm(c);
    if ("refused" in read) return read.refused;
    const viewer = c.get("viewer");
    const result = await previewSettingChange(deps.db, viewer, viewer.organizationId, read.change, deps.now());
    if (result.kind !== "preview") return render.notFound(c);
    const translator = translatorOf(c);
    const same = JSON.stringify(result.effect.before) === JSON.stringify(result.effect.after);
    if (same) return show(c, 200, { flash: { kind: "ok", text: translator.t("settings-same") }, field: read.field });
    return render.page(
      c,
      200,
      translator.t("web-nav-settings"),
      settingsPreviewPage(translator.t, {
        office: viewer.officeName ?? viewer.organizationName,
        lines: effectLines(translator, read.field, result.effect, viewer.timeZone),
        field: read.field,
        value: read.value,
        csrfToken: c.get("csrfToken"),
      }),
    );
  });

  app.post("/settings/apply", async (c) => {
    const read = await readForm(c);
    if ("refused" in read) return read.refused;
    const viewer = c.get("viewer");
    const result = await applySettingChange(deps.db, viewer, viewer.organizationId, read.change, {
      now: deps.now(),
      logger: deps.logger,
    });
    if (result.kind !== "applied") return render.notFound(c);
    if (result.slots.length > 0) await deps.scheduleSlots?.(result.slots);
    return c.redirect("/settings?done=1", 303);
  });
  return { routes: app };
}
