import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { layerRules } from "../../eslint.config.js";

/** Lints one imagined file with the project's layer rules only (no type information needed for imports). */
async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, ...layerRules],
  });
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layer rules", () => {
  it("refuse an I/O library or a service inside the domain", async () => {
    expect(await restrictedImports("src/domain/probe.ts", 'import { sql } from "drizzle-orm";\n')).toHaveLength(1);
    expect(await restrictedImports("src/domain/probe.ts", 'import { readFileSync } from "node:fs";\n')).toHaveLength(1);
    expect(
      await restrictedImports(
        "src/domain/deadline/probe.ts",
        'import { importPlan } from "../../services/import-plan.js";\n',
      ),
    ).toHaveLength(1);
  });

  it("refuse the bot inside services and jobs", async () => {
    expect(
      await restrictedImports("src/services/probe.ts", 'import { createBot } from "../bot/create-bot.js";\n'),
    ).toHaveLength(1);
    expect(
      await restrictedImports("jobs/probe.ts", 'import { createBot } from "../src/bot/create-bot.js";\n'),
    ).toHaveLength(1);
    expect(await restrictedImports("jobs/probe.ts", 'import { Bot } from "grammy";\n')).toHaveLength(1);
  });

  it("refuse queries in a front end, but let it pass the database handle on", async () => {
    expect(
      await restrictedImports("src/bot/features/probe.ts", 'import { units } from "../../../db/schema.js";\n'),
    ).toHaveLength(1);
    expect(await restrictedImports("src/web/probe.ts", 'import { eq } from "drizzle-orm";\n')).toHaveLength(1);
    expect(
      await restrictedImports("src/web/probe.ts", 'import type { Database } from "../../db/client.js";\n'),
    ).toEqual([]);
  });

  it("refuse a front end or one channel's own code inside services, but let them use the channel interface", async () => {
    expect(
      await restrictedImports(
        "src/services/notifications/probe.ts",
        'import { doneData } from "../../bot/callback-data/milestone-work.js";\n',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "src/services/notifications/probe.ts",
        'import { encodeButtonAction } from "../../channels/telegram/callback-data.js";\n',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports("src/services/probe.ts", 'import { page } from "../web/pages/plan-page.js";\n'),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "src/services/delivery/probe.ts",
        'import type { DeliveryChannel } from "../../channels/channel.js";\nimport { enabledChannelList } from "../../channels/registry.js";\n',
      ),
    ).toEqual([]);
  });

  it("refuse a front end inside a channel", async () => {
    expect(
      await restrictedImports("src/channels/zalo/probe.ts", 'import { createBot } from "../../bot/create-bot.js";\n'),
    ).toHaveLength(1);
  });

  it("refuse services and front ends inside i18n, even as a type", async () => {
    expect(
      await restrictedImports(
        "src/i18n/probe.ts",
        'import type { ImportSummary } from "../services/import-plan.js";\n',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "src/i18n/probe.ts",
        'import type { SettingsEffect } from "../services/settings/office-settings.js";\n',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports("src/i18n/probe.ts", 'import { createBot } from "../bot/create-bot.js";\n'),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "src/i18n/probe.ts",
        'import type { ImportSummary } from "../domain/planning/index.js";\nimport { readFileSync } from "node:fs";\n',
      ),
    ).toEqual([]);
  });

  it("refuse storage inside the importer and application code inside db/", async () => {
    expect(
      await restrictedImports("src/import/probe.ts", 'import { tasks } from "../../db/schema.js";\n'),
    ).toHaveLength(1);
    expect(
      await restrictedImports("db/probe.ts", 'import { importPlan } from "../src/services/import-plan.js";\n'),
    ).toHaveLength(1);
  });

  it("let each layer import what lies below it", async () => {
    expect(
      await restrictedImports(
        "src/domain/probe.ts",
        'import { DateTime } from "luxon";\nimport { x } from "./other.js";\n',
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        "src/services/probe.ts",
        'import { sql } from "drizzle-orm";\nimport { y } from "../domain/deadline/index.js";\n',
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        "jobs/probe.ts",
        'import { Queue } from "bullmq";\nimport { z } from "../src/services/notifier.js";\n',
      ),
    ).toEqual([]);
    expect(await restrictedImports("db/probe.ts", 'import { w } from "../src/domain/deadline/index.js";\n')).toEqual(
      [],
    );
  });
});
