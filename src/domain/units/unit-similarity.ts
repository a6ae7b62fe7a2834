/**
 * How likely two unit names are spellings of one unit, for suggesting merges:
 * a typo ("VHXXH&TT" for "VHXH&TT") is a small edit distance between the
 * folded names; an abbreviation ("VHXH&TT" for "Văn hóa – Xã hội và Thông
 * tin", "VP UBND" for "Văn phòng UBND") matches the initials of the long name,
 * where a word in capitals ("UBND") stands for itself and "và"/"&" may or may
 * not be written. Names with one key (case, accents, dashes) are one unit
 * already and are not suggested.
 */
import { unitNameKey } from "./unit-names.js";

/** Words an abbreviation may leave out ("Văn hóa – Xã hội và Thông tin" is "VHXH&TT" or "VHXHTT"). */
const CONNECTIVES = new Set(["va", "cua", "cac", "voi"]);
/** At or above this, a name is suggested as another spelling. */
export const ALIAS_THRESHOLD = 0.75;

/** The edit distance (insertions, deletions, substitutions) between two strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

const lettersOf = (name: string): string => unitNameKey(name).replace(/ /g, "");

/** The initials a name may be abbreviated to: with and without its connectives. */
function initialsOf(name: string): string[] {
  const tokens = name
    .normalize("NFC")
    .split(/(&)|[\s\-–—,.;:()/+]+/u)
    .filter((token): token is string => token !== undefined && token !== "");
  if (tokens.length < 2) return [];
  let withConnectives = "";
  let without = "";
  for (const token of tokens) {
    const folded = token === "&" ? "va" : lettersOf(token);
    if (folded === "") continue;
    // A word in capitals (UBND, TN, TKQ) is an abbreviation already: it stands for itself.
    const abbreviation = token.length >= 2 && /\p{Lu}/u.test(token) && token === token.toUpperCase();
    const part = abbreviation ? folded : folded[0]!;
    withConnectives += part;
    if (!CONNECTIVES.has(folded)) without += part;
  }
  return [...new Set([withConnectives, without])];
}

/** How likely `a` and `b` name one unit, from 0 (unrelated) to 1 (one key). */
export function unitNameSimilarity(a: string, b: string): number {
  const keyA = unitNameKey(a);
  const keyB = unitNameKey(b);
  if (keyA === "" || keyB === "") return 0;
  if (keyA === keyB) return 1;
  const longest = Math.max(keyA.length, keyB.length);
  // Short names differ by a letter too easily ("Văn thư", "Văn phòng"): a typo needs some length.
  const spelling = longest >= 6 ? 1 - editDistance(keyA, keyB) / longest : 0;
  let abbreviation = 0;
  for (const [short, long] of [
    [a, b],
    [b, a],
  ] as const) {
    const letters = lettersOf(short);
    if (letters.length < 3 || letters.length > 12 || unitNameKey(short).split(" ").length > 3) continue;
    for (const initials of initialsOf(long)) {
      if (initials === letters) abbreviation = Math.max(abbreviation, 0.95);
      else if (letters.length >= 5 && editDistance(initials, letters) === 1) abbreviation = Math.max(abbreviation, 0.8);
    }
  }
  return Math.max(spelling, abbreviation);
}

/**
 * The known units `name` is likely another spelling of, most likely first:
 * those at or above ALIAS_THRESHOLD, the unit itself (same key) left out.
 */
export function likelyAliases<T extends { name: string }>(name: string, known: readonly T[], limit = 3): T[] {
  const key = unitNameKey(name);
  return known
    .filter((unit) => unitNameKey(unit.name) !== key)
    .map((unit) => ({ unit, score: unitNameSimilarity(name, unit.name) }))
    .filter(({ score }) => score >= ALIAS_THRESHOLD)
    .sort((x, y) => y.score - x.score || x.unit.name.localeCompare(y.unit.name, "vi"))
    .slice(0, limit)
    .map(({ unit }) => unit);
}
