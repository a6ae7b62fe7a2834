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
  /** The communes the lead names (in the province's order), and the names it gave that match none. */
  | { kind: "named"; communeIds: string[]; unknown: string[] }
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

/** The parts of a lead cell: ";" and new lines, then commas and "và"; a colon opens a list ("các xã: A, B"). */
function partsOf(lead: string): string[] {
  return lead
    .split(/[;\n]+/)
    .flatMap((part) => {
      const colon = part.indexOf(":");
      return colon >= 0 ? [part.slice(colon + 1)] : [part];
    })
    .flatMap((part) => part.split(/,|\s+và\s+|\s+-\s+/))
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * What the lead `lead` of a province task says about its communes, against
 * the province's `communes` and `groups`. Pure: never throws, whatever the text.
 */
export function readCommuneLead(
  lead: string,
  communes: readonly CommuneRef[],
  groups: readonly CommuneGroup[] = [],
): CommuneLead {
  const statements = lead.split(/[;\n]+/).filter((s) => s.trim() !== "");
  // The whole statement first: "UBND các xã, phường" is one phrase its commas do not split.
  if (statements.some((s) => meansEveryCommune(s.replace(/[,:]/g, " ")))) return { kind: "all" };
  const byPlace = new Map(communes.map((c) => [placeKey(c.name), c.id]));
  const groupByKey = new Map(groups.map((g) => [placeKey(g.name), g]));
  const ids: string[] = [];
  const unknown: string[] = [];
  let matched = false;
  for (const part of partsOf(lead)) {
    const key = placeKey(part);
    const group = groupByKey.get(key);
    const id = byPlace.get(key);
    if (group) {
      matched = true;
      ids.push(...group.communeIds);
    } else if (id !== undefined) {
      matched = true;
      ids.push(id);
    } else if (key !== "" && !meansEveryCommune(part)) unknown.push(part);
  }
  if (!matched) return { kind: "none" };
  const order = new Map(communes.map((c, i) => [c.id, i]));
  const unique = [...new Set(ids)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { kind: "named", communeIds: unique, unknown };
}
