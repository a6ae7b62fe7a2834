/**
 * Every user-facing word comes from `locales/<locale>.ftl` (Fluent). The bot
 * and the worker share these translators, so a reminder reads like the chat.
 */
import { readFileSync } from "node:fs";
import { FluentBundle, FluentResource } from "@fluent/bundle";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";

export type TranslationArgs = Record<string, string | number>;

export interface Translator {
  locale: Locale;
  /** A property, not a method: handlers pass `t` around on its own. */
  t: (key: string, args?: TranslationArgs) => string;
}

/** A key missing from every locale: a programming error, caught by the locale test. */
export class MissingTranslationError extends Error {
  constructor(readonly key: string) {
    super(`no translation for "${key}"`);
    this.name = "MissingTranslationError";
  }
}

export function localeFileUrl(locale: Locale): URL {
  return new URL(`./locales/${locale}.ftl`, import.meta.url);
}

function loadBundle(locale: Locale): FluentBundle {
  // Telegram shows plain text: no Unicode isolation marks around arguments.
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(readFileSync(localeFileUrl(locale), "utf8")));
  if (errors.length > 0) throw new Error(`${locale}.ftl: ${errors.map((e) => e.message).join("; ")}`);
  return bundle;
}

const bundles = new Map<Locale, FluentBundle>();
function bundleFor(locale: Locale): FluentBundle {
  let bundle = bundles.get(locale);
  if (!bundle) {
    bundle = loadBundle(locale);
    bundles.set(locale, bundle);
  }
  return bundle;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** What every message of one organization may name besides its own arguments. */
export interface OrganizationWords {
  /** The office that coordinates ("Văn phòng HĐND và UBND xã"), `{ $office }` in the catalogs; null when unknown. */
  office?: string | null;
}

/**
 * The translator for `locale`; anything unknown gets Vietnamese. A key missing in one locale falls back
 * to Vietnamese. `{ $office }` is the organization's office name, or a generic "the office" for a
 * stranger whose organization is not known yet.
 */
export function translatorFor(locale: string | null | undefined, words: OrganizationWords = {}): Translator {
  const chosen: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const format = (candidate: Locale, key: string, args: TranslationArgs): string | null => {
    const bundle = bundleFor(candidate);
    const message = bundle.getMessage(key);
    return message?.value ? bundle.formatPattern(message.value, args) : null;
  };
  return {
    locale: chosen,
    t: (key, args) => {
      for (const candidate of chosen === DEFAULT_LOCALE ? [chosen] : [chosen, DEFAULT_LOCALE]) {
        const office = words.office ?? format(candidate, "office-unknown", {}) ?? "";
        const text = format(candidate, key, { office, ...args });
        if (text !== null) return text;
      }
      throw new MissingTranslationError(key);
    },
  };
}

/** The same language, naming the organization's office: for text composed by code that made a bare translator. */
export function withOrganizationWords(translator: Translator, words: OrganizationWords): Translator {
  return translatorFor(translator.locale, words);
}

/** The message ids of a locale, for the completeness test. */
export function messageIdsOf(locale: Locale): string[] {
  const resource = new FluentResource(readFileSync(localeFileUrl(locale), "utf8"));
  return resource.body.map((entry) => ("id" in entry ? String(entry.id) : "")).filter((id) => id !== "");
}
