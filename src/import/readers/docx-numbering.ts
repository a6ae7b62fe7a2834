import { childNamed, childrenNamed, type XmlElement } from "./xml-tree.js";

/**
 * Word's automatic numbering (w:numPr) rendered as Word shows it: a TT column
 * numbered by Word has no digits in the XML, only a reference into
 * numbering.xml. Counters are kept per abstract list, so two w:num entries of
 * one list continue each other unless one restarts it (w:startOverride).
 */

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
  /** The level above which restarts this one; Word's default is any level above. */
  restartAfter: number | null;
}

interface NumDefinition {
  abstractId: string;
  overrides: Map<number, number>;
}

const ROMAN: Array<[number, string]> = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

export function toRomanNumeral(value: number): string {
  let n = value;
  let out = "";
  for (const [size, numeral] of ROMAN) {
    while (n >= size) {
      out += numeral;
      n -= size;
    }
  }
  return out;
}

/** A, B, … Z, AA, BB (Word repeats the letter past Z). */
function toLetters(value: number): string {
  if (value <= 0) return "";
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

/** One counter value in a numFmt. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return toRomanNumeral(value);
    case "lowerRoman":
      return toRomanNumeral(value).toLowerCase();
    case "upperLetter":
      return toLetters(value);
    case "lowerLetter":
      return toLetters(value).toLowerCase();
    case "decimalZero":
      return String(value).padStart(2, "0");
    case "none":
      return "";
    default:
      return String(value);
  }
}

const attr = (element: XmlElement | undefined, name = "w:val"): string | undefined => element?.attributes[name];

function readLevels(abstract: XmlElement): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of childrenNamed(abstract, "w:lvl")) {
    const ilvl = Number(attr(lvl, "w:ilvl") ?? 0);
    const restart = attr(childNamed(lvl, "w:lvlRestart"));
    levels.set(ilvl, {
      start: Number(attr(childNamed(lvl, "w:start")) ?? 1),
      format: attr(childNamed(lvl, "w:numFmt")) ?? "decimal",
      text: attr(childNamed(lvl, "w:lvlText")) ?? "",
      suffix: attr(childNamed(lvl, "w:suff")) ?? "tab",
      legal: childNamed(lvl, "w:isLgl") !== undefined,
      restartAfter: restart === undefined ? null : Number(restart),
    });
  }
  return levels;
}

export interface Numbering {
  /** The label Word prints before a paragraph with this numId and level, advancing the counters. */
  next(numId: string, ilvl: number): string;
}

/** Reads numbering.xml (null when the document has none: every label is then empty). */
export function createNumbering(root: XmlElement | null): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, NumDefinition>();
  if (root) {
    for (const abstract of childrenNamed(root, "w:abstractNum")) {
      abstracts.set(attr(abstract, "w:abstractNumId") ?? "", readLevels(abstract));
    }
    for (const num of childrenNamed(root, "w:num")) {
      const overrides = new Map<number, number>();
      for (const override of childrenNamed(num, "w:lvlOverride")) {
        const start = attr(childNamed(override, "w:startOverride"));
        if (start !== undefined) overrides.set(Number(attr(override, "w:ilvl") ?? 0), Number(start));
      }
      nums.set(attr(num, "w:numId") ?? "", { abstractId: attr(childNamed(num, "w:abstractNumId")) ?? "", overrides });
    }
  }
  const counters = new Map<string, number[]>();
  const overridden = new Set<string>();
  return {
    next(numId, ilvl) {
      const num = nums.get(numId);
      const levels = num ? abstracts.get(num.abstractId) : undefined;
      const level = levels?.get(ilvl);
      if (!num || !levels || !level) return "";
      const key = num.abstractId;
      const values = counters.get(key) ?? [];
      counters.set(key, values);
      // A restarted list (startOverride) begins again the first time its numId is used.
      if (num.overrides.size > 0 && !overridden.has(numId)) {
        overridden.add(numId);
        for (const [l, start] of num.overrides) values[l] = start - 1;
        for (let l = 0; l < 9; l++) if (!num.overrides.has(l) && l !== ilvl) values[l] = undefined as unknown as number;
      }
      values[ilvl] = values[ilvl] === undefined ? level.start : values[ilvl] + 1;
      for (let deeper = ilvl + 1; deeper < 9; deeper++) {
        const below = levels.get(deeper);
        if (below && (below.restartAfter === null || below.restartAfter > ilvl)) {
          values[deeper] = undefined as unknown as number;
        }
      }
      if (level.format === "bullet") return "-";
      const label = level.text.replace(/%(\d)/g, (_, n: string) => {
        const at = Number(n) - 1;
        const of = levels.get(at);
        const value = values[at] ?? of?.start ?? 1;
        return formatNumber(value, level.legal && at !== ilvl ? "decimal" : (of?.format ?? "decimal"));
      });
      return label.length > 0 && level.suffix !== "nothing" ? `${label} ` : label;
    },
  };
}
