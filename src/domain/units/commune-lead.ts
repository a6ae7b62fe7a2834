/**
 * Whether a province task's lead ("đơn vị chủ trì") is the communes: "UBND các
 * xã, phường", "UBND cấp xã", a list of named communes ("UBND xã Gio Sơn, Gio
 * Linh và phường Đông Hà") or a named group of them. Such a task is fanned out
 * as one linked task per commune; any other lead stays the province's own.
 */
import { unitNameKey } from "./unit-names.js";

/** An organization under the province, by its name as the province knows it ("Xã Gio Sơn", "UBND phường Đông Hà"). */
export interface CommuneRef {
  id: string;
  name: string;
}

/** A named set of communes the province gives work to together ("các xã biên giới"). */
export interface CommuneGroup {
  name: string;
  communeIds: readonly string[];
}

export type CommuneLead =
  /** Every commune under the province. */
  | { kind: "all" }
  /**
   * The communes the lead names or its groups hold (in the province's order, each once), the names it
   * gave that match no commune, and the groups it named that the province has not defined.
   */
  | { kind: "named"; communeIds: string[]; unknown: string[]; unknownGroups: string[] }
  /** Not the communes: a department, an office, an empty cell. */
  | { kind: "none" };

/** The kinds of commune-level administrations, folded. */
const LEVEL_WORDS = ["xa", "phuong", "thi tran", "dac khu"];
const LEVEL = `(?:${LEVEL_WORDS.join("|")})`;
/** Who within the commune is named before it: its People's Committee or its chairman. */
const HEAD = /^(?:(?:cac|toan bo|tat ca(?: cac)?) )?(?:chu tich )?(?:ubnd|uy ban nhan dan) /;
/** "trên địa bàn (tỉnh)", "trực thuộc tỉnh", "toàn tỉnh": the province's own, said aloud. */
const WITHIN = / (?:tren dia ban|truc thuoc)(?: .*)?$| toan (?:tinh|thanh pho)$/;

/** Every commune: "các xã, phường", "cấp xã", "xã, phường, thị trấn", "các địa phương". */
const ALL = new RegExp(
  `^(?:(?:cac|toan bo|tat ca(?: cac)?) )?(?:${LEVEL}(?: ${LEVEL})*|cap xa(?: ${LEVEL})*|dia phuong(?: cap xa)?)$`,
);
/** Two levels listed without "các" ("UBND xã, phường") still mean every one of them. */
const LEVELS_ONLY = new RegExp(`^${LEVEL}(?: ${LEVEL})+$`);
const STARTS_PLURAL = /^(?:cac|toan bo|tat ca)\b/;

/** The text folded, with the commune's head ("UBND", "Chủ tịch UBND") and "within the province" taken off. */
function bare(text: string): string {
  let key = unitNameKey(text);
  key = key.replace(HEAD, "");
  if (key === "ubnd" || key === "uy ban nhan dan") return "";
  return key.replace(WITHIN, "").trim();
}

function meansEveryCommune(part: string): boolean {
  const key = bare(part);
  if (key === "") return false;
  if (!ALL.test(key)) return false;
  // One level alone ("UBND xã") names no commune in particular, but neither all of them unless plural.
  return STARTS_PLURAL.test(key) || LEVELS_ONLY.test(key) || key.startsWith("cap xa") || key.startsWith("dia phuong");
}

/** A commune's name without its level ("Xã Gio Sơn" → "gio son"): how a lead and the province's list meet. */
function placeKey(name: string): string {
  let key = bare(name).replace(/^(?:cac|toan bo|tat ca) /, "");
  // "các xã Gio Sơn, Gio Linh": the level word may repeat or be plural.
  for (;;) {
    const stripped = key.replace(new RegExp(`^${LEVEL} `), "");
    if (stripped === key) return key;
    key = stripped;
  }
}

const PLURAL = "(?:cac|toan bo|tat ca(?: cac)?)";
/** "các xã …", "các xã, phường …": the levels a group's name opens with, and the rest. */
const LEVELS_THEN_REST = new RegExp(`^(${LEVEL}(?: ${LEVEL})*)(?: (.+))?$`);
/** "các xã thuộc Cụm 2", "các xã trong nhóm 1": the words tying the communes to the group's own name. */
const TIE = /^(?:thuoc|trong|nam trong|o) /;
/** A group said outright by its number or letter: "Cụm 2", "nhóm xã số 3", "Nhóm A" (not "Nhóm công tác"). */
const GROUP_WORD = /^(?:cum|nhom)(?: xa| phuong)?(?: so)? (?:\d+|[a-z])$/;

/**
 * The key under which a group's name and a lead naming it meet, for storing and for matching: "Các xã
 * biên giới", "UBND các xã, thị trấn biên giới" and "biên giới" share "bien gioi"; "các xã thuộc Cụm 2"
 * and "Cụm 2" share "cum 2". A name of levels only keeps them ("Các phường" → "phuong"). Empty for no name.
 */
export function communeGroupKey(name: string): string {
  const key = bare(name).replace(new RegExp(`^${PLURAL} `), "");
  const levels = LEVELS_THEN_REST.exec(key);
  const rest = levels ? (levels[2] ?? levels[1] ?? "") : key;
  return rest.replace(TIE, "").trim();
}

/** The statements of a lead cell (";" and new lines), each in its parts: commas and "và"; a colon opens a list ("các xã: A, B"). */
function statementsOf(lead: string): Array<{ text: string; parts: string[] }> {
  return lead
    .split(/[;\n]+/)
    .filter((statement) => statement.trim() !== "")
    .map((text) => {
      const colon = text.indexOf(":");
      const listed = colon >= 0 ? text.slice(colon + 1) : text;
      const parts = listed
        .split(/,|\s+và\s+|\s+-\s+/)
        .map((part) => part.trim())
        .filter((part) => part.length > 0);
      return { text, parts };
    });
}

/**
 * Whether a part matching nothing names a group rather than a commune: "Cụm 2", or "các xã biên giới"
 * (plural, levels, then words) unless it opens a list of names that follows without levels ("các xã
 * Hải Lăng, Gio Sơn").
 */
function namesAGroup(part: string, next: string | undefined): boolean {
  const key = bare(part);
  if (GROUP_WORD.test(key)) return true;
  if (!new RegExp(`^${PLURAL} ${LEVEL}(?: ${LEVEL})* \\S`).test(key)) return false;
  return next === undefined || new RegExp(`^(?:${PLURAL} )?${LEVEL}(?: |$)`).test(bare(next));
}

/** One statement's parts, each a group, a commune, a group the province has not, or a name matching nothing. */
function readParts(parts: readonly string[], byPlace: Map<string, string>, groupByKey: Map<string, CommuneGroup>) {
  const read = { matched: false, ids: [] as string[], unknown: [] as string[], unknownGroups: [] as string[] };
  for (const [index, part] of parts.entries()) {
    const group = groupByKey.get(communeGroupKey(part));
    const id = byPlace.get(placeKey(part));
    if (group !== undefined || id !== undefined) read.matched = true;
    if (group) read.ids.push(...group.communeIds);
    else if (id !== undefined) read.ids.push(id);
    else if (namesAGroup(part, parts[index + 1])) read.unknownGroups.push(part);
    else if (placeKey(part) !== "" && !meansEveryCommune(part)) read.unknown.push(part);
  }
  return read;
}

/**
 * What the lead `lead` of a province task says about its communes, against
 * the province's `communes` and `groups`. A statement naming a group the
 * province defined is that group, even when its words alone ("các phường")
 * would mean every commune. Pure: never throws, whatever the text.
 */
export function readCommuneLead(
  lead: string,
  communes: readonly CommuneRef[],
  groups: readonly CommuneGroup[] = [],
): CommuneLead {
  const statements = statementsOf(lead);
  const groupByKey = new Map(groups.map((g) => [communeGroupKey(g.name), g]));
  groupByKey.delete("");
  // The whole statement first: "UBND các xã, phường" is one phrase its commas do not split.
  const isGroup = (text: string) => groupByKey.has(communeGroupKey(text));
  if (statements.some((s) => !isGroup(s.text) && meansEveryCommune(s.text.replace(/[,:]/g, " ")))) {
    return { kind: "all" };
  }
  const byPlace = new Map(communes.map((c) => [placeKey(c.name), c.id]));
  const ids: string[] = [];
  const unknown: string[] = [];
  const unknownGroups: string[] = [];
  let matched = false;
  for (const statement of statements) {
    const whole = groupByKey.get(communeGroupKey(statement.text));
    if (whole) {
      matched = true;
      ids.push(...whole.communeIds);
      continue;
    }
    const read = readParts(statement.parts, byPlace, groupByKey);
    const [first] = statement.parts;
    // "UBND các xã, phường biên giới": the levels the comma split belong to the group's name.
    const levelsThenName =
      !read.matched &&
      read.unknownGroups.length === 0 &&
      first !== undefined &&
      statement.parts.length > 1 &&
      meansEveryCommune(first) &&
      namesAGroup(statement.text.replace(/[,:]/g, " "), undefined);
    if (levelsThenName) {
      unknownGroups.push(statement.text.trim());
      continue;
    }
    matched ||= read.matched;
    ids.push(...read.ids);
    unknown.push(...read.unknown);
    unknownGroups.push(...read.unknownGroups);
  }
  const known = new Set(communes.map((c) => c.id));
  const order = new Map(communes.map((c, i) => [c.id, i]));
  const unique = [...new Set(ids)].filter((id) => known.has(id));
  unique.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  if (!matched && unknownGroups.length === 0) return { kind: "none" };
  return { kind: "named", communeIds: unique, unknown, unknownGroups };
}
