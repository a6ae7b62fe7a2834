import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { LOCALES, localeFileUrl, messageIdsOf, translatorFor } from "../../src/i18n/i18n.js";

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** `t("key"` and `t('key'` in the code, whoever calls it. */
function keysUsedInCode(): Set<string> {
  const keys = new Set<string>();
  for (const file of [...sourceFiles("src"), ...sourceFiles("jobs")]) {
    for (const match of readFileSync(file, "utf8").matchAll(/\bt\(\s*["']([a-z][a-z0-9-]*)["']/g)) keys.add(match[1]!);
  }
  return keys;
}

const placeables = new Map<string, string[]>();

/** The variables each message of a locale uses, read from the file. */
function variablesOf(locale: (typeof LOCALES)[number]): Map<string, string[]> {
  const resource = new FluentResource(readFileSync(localeFileUrl(locale), "utf8"));
  const text = readFileSync(localeFileUrl(locale), "utf8");
  const result = new Map<string, string[]>();
  // Terms ("-st-overdue") are the shared words messages reference, not messages the code asks for.
  const ids = resource.body.map((entry) => String(entry.id)).filter((id) => !id.startsWith("-"));
  for (const id of ids) {
    const start = text.search(new RegExp(`^${id} =`, "m"));
    const rest = text.slice(start);
    const firstLineEnd = rest.indexOf("\n") + 1;
    const next = rest.slice(firstLineEnd).search(/^[a-z][a-z0-9-]* =|^#/m);
    const body = next === -1 ? rest : rest.slice(0, firstLineEnd + next);
    result.set(id, [...new Set([...body.matchAll(/\$([a-zA-Z]+)/g)].map((m) => m[1]!))].sort());
    placeables.set(
      `${locale}:${id}`,
      [...body.matchAll(/\{\s*\$([a-zA-Z]+)\s*\}/g)].map((m) => m[1]!),
    );
  }
  return result;
}

describe("locale files", () => {
  it("have the same keys in every language", () => {
    const vi = messageIdsOf("vi").sort();
    expect(vi.length).toBeGreaterThan(50);
    for (const locale of LOCALES) expect(messageIdsOf(locale).sort()).toEqual(vi);
  });

  it("hold every key the code asks for, in every language", () => {
    const used = keysUsedInCode();
    expect(used.size).toBeGreaterThan(40);
    for (const locale of LOCALES) {
      const ids = new Set(messageIdsOf(locale));
      expect([...used].filter((key) => !ids.has(key))).toEqual([]);
    }
  });

  it("use the same arguments in every language and format without errors", () => {
    const vi = variablesOf("vi");
    for (const locale of LOCALES) {
      const variables = variablesOf(locale);
      const bundle = new FluentBundle(locale, { useIsolating: false });
      bundle.addResource(new FluentResource(readFileSync(localeFileUrl(locale), "utf8")));
      for (const [id, names] of variables) {
        expect({ id, names }).toEqual({ id, names: vi.get(id) });
        const errors: Error[] = [];
        const args = Object.fromEntries(names.map((name) => [name, name === "days" ? 3 : `«${name}»`]));
        const text = bundle.formatPattern(bundle.getMessage(id)!.value!, args, errors);
        expect({ id, errors: errors.map((e) => e.message) }).toEqual({ id, errors: [] });
        // An argument used as a placeable must show; one that only selects a variant need not.
        for (const name of placeables.get(`${locale}:${id}`) ?? [])
          // The office is named in the coordinator's variant of role-name only.
          if (name !== "days" && !(id === "role-name" && name === "office"))
            expect(text, `${locale} ${id}`).toContain(`«${name}»`);
      }
    }
  });
});

describe("translatorFor", () => {
  it("speaks Vietnamese by default and English on request", () => {
    expect(translatorFor(undefined).t("btn-cancel")).toBe("Hủy");
    expect(translatorFor("fr").locale).toBe("vi");
    expect(translatorFor("en").t("btn-cancel")).toBe("Cancel");
    expect(translatorFor("vi").t("state-label", { state: "overdue", days: 4 })).toBe("Quá hạn 4 ngày");
  });
  it("refuses a key no locale has", () => {
    expect(() => translatorFor("en").t("no-such-key")).toThrow(/no-such-key/);
  });
});
