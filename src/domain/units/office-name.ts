import { unitNameKey } from "./unit-names.js";

/** The name offices had in every message before it was a setting; existing organizations keep it. */
export const LEGACY_OFFICE_NAME = "Văn phòng – Thống kê";

// A cell that says more than a name ("… chủ trì phối hợp với …") or names the government's office is not ours.
const NOT_AN_OFFICE_NAME = /\b(chu tri|phoi hop|chinh phu)\b/;

const capitals = (name: string): number => (name.match(/\p{Lu}/gu) ?? []).length;

/**
 * The coordinating office a plan names among its lead and supporting units
 * ("Văn phòng HĐND và UBND xã", "Văn phòng – Thống kê"): the "Văn phòng …" unit
 * the plan names most often, a single name rather than a list. Of its
 * spellings, the most capitalized (the deliberate one), then the most frequent.
 * Null when the plan names no such unit.
 */
export function officeNameFromPlan(unitNames: readonly string[]): string | null {
  const byKey = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const raw of unitNames) {
    const name = raw.replace(/\s+/g, " ").trim();
    const key = unitNameKey(name);
    if (!key.startsWith("van phong") || name.includes(",") || name.length > 60 || NOT_AN_OFFICE_NAME.test(key))
      continue;
    const entry = byKey.get(key) ?? { count: 0, spellings: new Map<string, number>() };
    entry.count++;
    entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
    byKey.set(key, entry);
  }
  let best: { count: number; spellings: Map<string, number> } | null = null;
  for (const entry of byKey.values()) if (!best || entry.count > best.count) best = entry;
  if (!best) return null;
  const spellings = [...best.spellings].sort((a, b) => capitals(b[0]) - capitals(a[0]) || b[1] - a[1]);
  return spellings[0]?.[0] ?? null;
}
