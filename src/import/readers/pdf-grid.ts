import { cellText, columnAt, splitAtBorders, type TableHeader } from "./pdf-columns.js";
import type { Line } from "./pdf-furniture.js";
import type { PdfPage, Rule, Run } from "./pdf-page.js";

/** One row of the table as printed on one page, before rows cut by a page break are joined. */
export interface PdfRow {
  page: number;
  cells: string[];
  /** Cells whose text belongs to a cell merged down over this row. */
  inherited?: boolean[];
  /** Cells covered by the cell to their left (merged across). */
  covered?: boolean[];
  /** Cells that go on with a cell merged down over the rows at the foot of the page before. */
  continued?: boolean[];
  /** Printed lines of the row, for `--explain`. */
  lines: number;
}

const TT_LABEL = /^(số\s*)?s?tt\.?$/iu;

/** Rules closer than this are one rule (double borders, a border drawn by each of two cells). */
const SAME_RULE = 2;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const value of sorted) {
    const last = groups[groups.length - 1];
    if (last && value - (last[last.length - 1] as number) <= SAME_RULE) last.push(value);
    else groups.push([value]);
  }
  return groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

const covers = (rules: Rule[], at: number, point: number): boolean =>
  rules.some((r) => Math.abs(r.at - at) <= SAME_RULE && r.from - SAME_RULE <= point && point <= r.to + SAME_RULE);

/** The height where a run's glyphs sit: a little above the baseline. */
export const levelOf = (run: Run): number => run.y + run.height * 0.3;

/**
 * The column edges of a ruled table: the vertical rules crossing the header's
 * TT label. Null when fewer than three rules cross it (a table without rules,
 * or with only an outer frame): the columns must then come from the text.
 */
export function gridColumns(page: PdfPage, header: TableHeader): number[] | null {
  const level = levelOf(header.tt);
  const xs = cluster(page.vertical.filter((v) => v.from - 2 <= level && level <= v.to + 2).map((v) => v.at));
  const first = xs.findIndex((x) => x > header.tt.x);
  if (xs.length < 3 || first !== 1) return null;
  return xs;
}

/** What a ruled page holds: the rows inside its grid, and the lines above and below it. */
export interface GridPage {
  rows: PdfRow[];
  above: Line[];
  below: Line[];
}

/**
 * Reads one page of a ruled table. Rows are the bands between horizontal
 * rules; a cell with no rule on its left is merged with its left neighbour
 * (covered), a cell with no rule above it is merged with the cell above (its
 * text is copied down, marked inherited). `top` cuts off rules above the
 * table's header on the page where the table starts.
 */
export function gridRows(page: PdfPage, lines: Line[], xs: number[], top = Infinity): GridPage {
  const left = xs[0] as number;
  const right = xs[xs.length - 1] as number;
  const horizontal = page.horizontal.filter((h) => h.to > left + SAME_RULE && h.from < right - SAME_RULE);
  const ys = cluster(horizontal.map((h) => h.at))
    .filter((y) => y <= top + SAME_RULE)
    .sort((a, b) => b - a);
  // The last row on a page may have no rule under it (Chromium draws a row's bottom border on the next row's top):
  // the table's vertical rules still say where it ends.
  const verticals = page.vertical.filter((v) => xs.some((x) => Math.abs(v.at - x) <= SAME_RULE));
  const lowest = Math.min(...verticals.map((v) => v.from));
  if (ys.length > 0 && lowest < (ys[ys.length - 1] as number) - 3) ys.push(lowest);
  const above: Line[] = [];
  const below: Line[] = [];
  if (ys.length < 2) return { rows: [], above: lines, below };
  const bands = ys.slice(0, -1).map((y, b) => ({ top: y, bottom: ys[b + 1] as number }));
  const width = xs.length - 1;
  const inner = xs.slice(1, -1);
  const bandOf = (line: Line): number => {
    const level = levelOf(line.runs[0] as Run);
    if (level > (ys[0] as number)) return -1;
    if (level < (ys[ys.length - 1] as number)) return bands.length;
    // A line exactly on a rule (a glyph's level is an estimate) goes to the band below it.
    const inside = bands.findIndex((band) => level <= band.top && level > band.bottom);
    return inside >= 0 ? inside : bands.findIndex((band) => level > band.bottom);
  };
  // A repeated header row: a cell under it with no rule between is a merged cell continued from the page before.
  const headerBands = new Set(
    lines.filter((line) => line.runs.some((run) => TT_LABEL.test(run.text.trim()))).map(bandOf),
  );
  // The cell whose text each cell shows: itself, its left neighbour (merged across) or the cell above (merged down).
  const owner: Array<Array<[number, number]>> = [];
  const kind: Array<Array<"own" | "covered" | "inherited" | "continued">> = [];
  bands.forEach((band, b) => {
    owner.push([]);
    kind.push([]);
    const mid = (band.top + band.bottom) / 2;
    for (let c = 0; c < width; c++) {
      const midX = ((xs[c] as number) + (xs[c + 1] as number)) / 2;
      if (c > 0 && !covers(page.vertical, xs[c] as number, mid)) {
        owner[b]!.push(owner[b]![c - 1]!);
        kind[b]!.push("covered");
      } else if (b > 0 && !covers(horizontal, band.top, midX) && !headerBands.has(b - 1)) {
        owner[b]!.push(owner[b - 1]![c]!);
        kind[b]!.push("inherited");
      } else if (!covers(horizontal, band.top, midX)) {
        // Open at the top of the page (the table's top rule stops short of it) or under a repeated header.
        owner[b]!.push([b, c]);
        kind[b]!.push("continued");
      } else {
        owner[b]!.push([b, c]);
        kind[b]!.push("own");
      }
    }
  });
  const runsOf = new Map<string, Run[]>();
  const linesOf = new Map<number, Set<number>>();
  for (const line of lines) {
    const b = bandOf(line);
    if (b < 0) above.push(line);
    else if (b >= bands.length) below.push(line);
    else {
      const ruled = inner.filter((x) => covers(page.vertical, x, levelOf(line.runs[0] as Run)));
      for (const run of line.runs.flatMap((r) => splitAtBorders(r, ruled))) {
        const [ob, oc] = owner[b]![Math.min(width - 1, columnAt(inner, run.x + 1))]!;
        const key = `${ob}:${oc}`;
        runsOf.set(key, [...(runsOf.get(key) ?? []), run]);
      }
      linesOf.set(b, (linesOf.get(b) ?? new Set()).add(line.y));
    }
  }
  const rows: PdfRow[] = [];
  bands.forEach((_, b) => {
    const cells: string[] = [];
    const inherited: boolean[] = [];
    const covered: boolean[] = [];
    const continued: boolean[] = [];
    let own = false;
    for (let c = 0; c < width; c++) {
      const [ob, oc] = owner[b]![c]!;
      const text = cellText(runsOf.get(`${ob}:${oc}`) ?? []);
      const k = kind[b]![c]!;
      cells.push(k === "covered" ? "" : text);
      inherited.push(k === "inherited");
      covered.push(k === "covered");
      continued.push(k === "continued");
      if ((k === "own" || k === "continued") && text.length > 0) own = true;
    }
    if (!own) return;
    rows.push({
      page: page.number,
      cells,
      ...(inherited.some(Boolean) ? { inherited } : {}),
      ...(covered.some(Boolean) ? { covered } : {}),
      ...(continued.some(Boolean) ? { continued } : {}),
      lines: linesOf.get(b)?.size ?? 0,
    });
  });
  return { rows, above, below };
}
