import { sectionMarkerOf, taskNumberOf } from "../interpret/cells.js";
import { namesATaskTable, roleOfHeader } from "../interpret/columns.js";
import { joinRuns, type Line } from "./pdf-furniture.js";
import type { Run } from "./pdf-page.js";

/** A header label and the x extent of its text. */
export interface HeaderColumn {
  left: number;
  right: number;
  text: string;
}

/** Where the task table's header is: its lines (indexes into the flattened lines) and its labels. */
export interface TableHeader {
  lines: number[];
  columns: HeaderColumn[];
  /** The "TT" label's run; in a table without one, the leftmost label's (the first column's). */
  tt: Run;
}

export const centerOf = (run: Run): number => run.x + run.width / 2;

export const isColumnNumberLine = (line: Line): boolean =>
  line.runs.length >= 3 && line.runs.every((run) => /^\(?\d{1,2}\)?$/.test(run.text.trim()));

const TT_LABEL = /^(số\s*)?s?tt\.?$/iu;

/** The widest baseline distance between two lines of one header label, in heights of the TT label's type. */
const LABEL_SPACING = 2.2;

type Group = { runs: Run[]; left: number; right: number };

/**
 * Groups the header runs into labels. Word and LibreOffice centre header cells,
 * so the lines of one wrapped label share a centre (or, left-aligned, a left
 * edge). A label above two or more labels ("Đơn vị thực hiện" over "Chủ trì"
 * and "Phối hợp") is put in front of each label it covers.
 */
function headerColumns(runs: Run[]): HeaderColumn[] {
  const groups: Group[] = [];
  for (const run of [...runs].sort((a, b) => a.x - b.x)) {
    const near = groups.find((g) =>
      g.runs.some((r) => Math.abs(r.x - run.x) < 12 || Math.abs(centerOf(r) - centerOf(run)) < 8),
    );
    if (near) {
      near.runs.push(run);
      near.left = Math.min(near.left, run.x);
      near.right = Math.max(near.right, run.x + run.width);
    } else groups.push({ runs: [run], left: run.x, right: run.x + run.width });
  }
  const top = (g: Group): number => Math.max(...g.runs.map((r) => r.y));
  const bottom = (g: Group): number => Math.min(...g.runs.map((r) => r.y));
  const center = (g: Group): number => (g.left + g.right) / 2;
  const covers = new Map<Group, Group[]>();
  for (const g of groups) {
    const below = groups.filter((o) => o !== g && top(o) < bottom(g) - 1);
    const beside = groups.filter((o) => o !== g && !below.includes(o));
    const leftLimit = Math.max(-Infinity, ...beside.filter((o) => center(o) < center(g)).map((o) => o.right));
    const rightLimit = Math.min(Infinity, ...beside.filter((o) => center(o) > center(g)).map((o) => o.left));
    const under = below.filter((o) => center(o) > leftLimit && center(o) < rightLimit);
    if (under.some((o) => center(o) < center(g)) && under.some((o) => center(o) > center(g))) covers.set(g, under);
  }
  const textOf = (g: Group): string =>
    [...g.runs]
      .sort((a, b) => b.y - a.y || a.x - b.x)
      .map((r) => r.text.trim())
      .join(" ");
  return groups
    .filter((g) => !covers.has(g))
    .map((g) => {
      const over = [...covers].filter(([, under]) => under.includes(g)).map(([label]) => label);
      return { left: g.left, right: g.right, text: [...over.map(textOf), textOf(g)].join(" ") };
    })
    .sort((a, b) => a.left - b.left);
}

/**
 * The header band: the line holding "TT"/"STT" and the lines just below it
 * that continue header labels ("Thời gian" / "hoàn thành"). Null when no line
 * opens a header with a TT and a deadline column (or, for another kind of
 * table, one whose labels `acceptHeader` takes).
 */
export function findHeader(lines: Line[], acceptHeader?: (labels: string[]) => boolean): TableHeader | null {
  const accepted = (columns: HeaderColumn[]): boolean =>
    columns.some((c) => roleOfHeader(c.text) === "deadline") || (acceptHeader?.(columns.map((c) => c.text)) ?? false);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const tt = line.runs.find((run) => TT_LABEL.test(run.text.trim()));
    if (!tt) continue;
    // Labels centred in a tall header cell start above the TT line: take the lines just above that hold labels.
    // They are set in the header's type and follow one another at its line spacing; a heading above the
    // table (larger type, or set apart by a blank line) is no label, however its words line up.
    const band: number[] = [i];
    for (let k = i - 1; k >= 0 && band.length < 4; k--) {
      const above = lines[k] as Line;
      const top = lines[band[0] as number] as Line;
      if (above.page !== line.page || above.y - line.y > 30 || above.y - top.y > tt.height * LABEL_SPACING) break;
      if (above.runs.some((run) => run.x < tt.x + tt.width || run.height > tt.height * 1.2)) break;
      band.unshift(k);
    }
    for (let k = i + 1; k < lines.length && band.length < 8; k++) {
      const next = lines[k] as Line;
      if (next.page !== line.page || line.y - next.y > 40) break;
      if (isColumnNumberLine(next)) break;
      const startsBody = next.runs.some(
        (run) =>
          Math.abs(centerOf(run) - centerOf(tt)) < 8 ||
          run.x < tt.x - 6 ||
          Math.abs(run.x - tt.x) < 6 ||
          taskNumberOf(run.text.trim()) !== null ||
          sectionMarkerOf(run.text.trim(), "number-column") !== null,
      );
      if (startsBody) break;
      band.push(k);
    }
    const columns = headerColumns(band.flatMap((k) => (lines[k] as Line).runs));
    const roles = columns.map((c) => roleOfHeader(c.text));
    if (roles.includes("stt") && accepted(columns)) return { lines: band, columns, tt };
    // Labels above the TT line may belong to a heading instead: try the TT line and what follows alone.
    const below = band.filter((k) => k >= i);
    const alone = headerColumns(below.flatMap((k) => (lines[k] as Line).runs));
    const aloneRoles = alone.map((c) => roleOfHeader(c.text));
    if (aloneRoles.includes("stt") && accepted(alone)) return { lines: below, columns: alone, tt };
  }
  return findUnnumberedHeader(lines);
}

/** Lines of one header band follow each other closer than this many heights of their type. */
const BAND_SPACING = 1.6;

/**
 * The header of a task table without a TT column: one to four lines, the first
 * holding two labels or more (a heading above the table is one centred line),
 * whose labels name the content, the lead and the deadline.
 */
function findUnnumberedHeader(lines: Line[]): TableHeader | null {
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] as Line;
    if (first.runs.length < 2) continue;
    const anchor = [...first.runs].sort((a, b) => a.x - b.x)[0] as Run;
    const band = [...labelsAbove(lines, i, anchor), i];
    for (;;) {
      const columns = headerColumns(band.flatMap((k) => (lines[k] as Line).runs));
      if (namesATaskTable(columns.map((c) => roleOfHeader(c.text)))) {
        band.push(...labelsBelow(lines, band[band.length - 1] as number, anchor, 6 - band.length));
        return { lines: band, columns: headerColumns(band.flatMap((k) => (lines[k] as Line).runs)), tt: anchor };
      }
      const last = band[band.length - 1] as number;
      if (band.length >= 4 || !closeBelow(lines, last)) break;
      band.push(last + 1);
    }
  }
  return null;
}

/** Whether the line after `at` follows it at a header's line spacing, on the same page. */
function closeBelow(lines: Line[], at: number): boolean {
  const line = lines[at] as Line;
  const next = lines[at + 1];
  const height = Math.max(...line.runs.map((run) => run.height));
  return next !== undefined && next.page === line.page && line.y - next.y <= height * BAND_SPACING;
}

/**
 * Labels centred in a taller header cell start above the line with the most
 * labels ("Cơ quan" over "phối hợp", "Thời gian" over "hoàn thành"): the close
 * lines above it with nothing in the first column and no larger type.
 */
function labelsAbove(lines: Line[], at: number, anchor: Run): number[] {
  const above: number[] = [];
  for (let k = at - 1; k >= 0 && above.length < 3; k--) {
    if (!closeBelow(lines, k)) break;
    if ((lines[k] as Line).runs.some((run) => run.x <= anchor.x + anchor.width || run.height > anchor.height * 1.2))
      break;
    above.unshift(k);
  }
  return above;
}

/** Wrapped labels below the header's lines; the body starts with a capital in the first column. */
function labelsBelow(lines: Line[], last: number, anchor: Run, room: number): number[] {
  const below: number[] = [];
  for (let k = last; below.length < room && closeBelow(lines, k); k++) {
    const next = lines[k + 1] as Line;
    const continuesLabels = next.runs.every(
      (run) => run.x > anchor.x + anchor.width || !/^[\p{Lu}\d]/u.test(run.text.trim()),
    );
    if (isColumnNumberLine(next) || !continuesLabels) break;
    below.push(k + 1);
  }
  return below;
}

/** The x where most runs of a stretch start, when enough do: the left edge of a left-aligned column. */
function commonLeftEdge(runs: Run[], from: number, to: number, rows: number): number | null {
  const counts = new Map<number, number>();
  for (const run of runs) {
    if (run.x <= from || run.x > to) continue;
    const x = Math.round(run.x);
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  let best: [number, number] | null = null;
  for (const [x, count] of counts) {
    const near = count + (counts.get(x - 1) ?? 0) + (counts.get(x + 1) ?? 0);
    if (!best || near > best[1]) best = [x, near];
  }
  return best && best[1] >= Math.max(3, rows * 0.2) ? best[0] : null;
}

/** Stretches of x no body text covers (a few crossing lines aside), left to right. */
function gapsBetween(runs: Run[], from: number, to: number, allowance: number): Array<{ start: number; end: number }> {
  const gaps: Array<{ start: number; end: number }> = [];
  let start: number | null = null;
  for (let x = Math.floor(from); x <= Math.ceil(to) + 1; x++) {
    const covering = x > to ? Infinity : runs.filter((run) => run.x < x + 1 && run.x + run.width > x).length;
    if (covering <= allowance) start ??= x;
    else if (start !== null) {
      gaps.push({ start, end: x });
      start = null;
    }
  }
  return gaps;
}

/**
 * Column borders of a table printed without rules, between each pair of
 * neighbouring header labels: in the gap no body text crosses just left of
 * the right column's common left edge (left-aligned cells, as Calc and
 * browsers print them), else in the widest such gap (centred cells), else
 * half way between the labels. Returns the left edge of every column after
 * the first.
 */
export function bordersFromText(columns: HeaderColumn[], body: Line[]): number[] {
  const runs = body.flatMap((line) => line.runs);
  const allowance = Math.max(1, Math.floor(body.length * 0.03));
  const borders: number[] = [];
  for (let c = 1; c < columns.length; c++) {
    const left = columns[c - 1] as HeaderColumn;
    const right = columns[c] as HeaderColumn;
    const from = (left.left + left.right) / 2;
    const to = (right.left + right.right) / 2;
    // Runs that cross the whole stretch are titles merged across the table; they say nothing of borders.
    const inside = runs.filter((r) => r.x < to && r.x + r.width > from && !(r.x <= from && r.x + r.width >= to));
    const gaps = gapsBetween(inside, from, to, allowance);
    const edge = commonLeftEdge(inside, from, to, body.length);
    // Text of the right column starts at its edge: the border sits just before it when nothing crosses there.
    const clearBeforeEdge = edge !== null && gaps.some((g) => g.start <= edge - 2 && g.end >= edge - 1);
    const widest = gaps.filter((g) => g.end - g.start >= 2).sort((a, b) => b.end - b.start - (a.end - a.start))[0];
    const previous = borders[borders.length - 1] ?? -Infinity;
    let border = (left.right + right.left) / 2;
    if (clearBeforeEdge) border = edge - 0.5;
    else if (widest) border = (widest.start + widest.end) / 2;
    borders.push(Math.max(border, previous + 1));
  }
  return borders;
}

/** The column a run starts in, given the left edges of the columns after the first. */
export function columnAt(borders: number[], x: number): number {
  let index = 0;
  borders.forEach((border, i) => {
    if (x >= border) index = i + 1;
  });
  return index;
}

/** Text of the runs of one cell, top line first. */
export function cellText(runs: Run[]): string {
  const byLine: Run[][] = [];
  for (const run of [...runs].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const last = byLine[byLine.length - 1];
    if (last && Math.abs((last[0] as Run).y - run.y) <= 2) last.push(run);
    else byLine.push([run]);
  }
  // A line that ends in a hyphen before a number or an acronym was wrapped inside a range or a
  // code ("Tháng 11-" / "12/2025", "05-" / "CT/TU").
  return byLine
    .map((line) => joinRuns(line.sort((a, b) => a.x - b.x)))
    .reduce(
      (text, line) => (/\S[-–]$/u.test(text) && /^(\d|\p{Lu}[\p{Lu}/])/u.test(line) ? text + line : `${text} ${line}`),
      "",
    )
    .trim();
}

/**
 * Splits a run that crosses column borders. pdfjs joins text drawn close
 * together on one baseline into one run, so a wrapped cell that ends near its
 * border and the next cell's text come as one ("Văn phòng UBND Các phòng"). The
 * split falls on the space nearest to where the border cuts the run; a run with
 * no space near a border stays whole.
 */
export function splitAtBorders(run: Run, borders: number[]): Run[] {
  const inside = borders.filter((b) => b > run.x + 2 && b < run.x + run.width - 2);
  if (inside.length === 0 || run.text.length < 2) return [run];
  const perChar = run.width / run.text.length;
  const parts: Run[] = [];
  let rest = run;
  for (const border of inside) {
    const at = Math.round((border - rest.x) / perChar);
    // A space, or two words glued together where pdfjs joined the cells without one ("phậnNăm").
    const boundary = (i: number): boolean =>
      rest.text[i] === " " || (/\p{Ll}/u.test(rest.text[i - 1] ?? "") && /[\p{Lu}\d]/u.test(rest.text[i] ?? ""));
    // Of the boundaries near the estimate (glyph widths vary), one before a capital starts a cell more likely.
    const near: number[] = [];
    for (let d = 0; d <= 6; d++) for (const i of d === 0 ? [at] : [at - d, at + d]) if (boundary(i)) near.push(i);
    const capital = (i: number): boolean => /[\p{Lu}\d]/u.test(rest.text[rest.text[i] === " " ? i + 1 : i] ?? "");
    const cut = near.find(capital) ?? near[0] ?? -1;
    if (cut <= 0 || cut >= rest.text.length - 1) continue;
    const left = rest.text.slice(0, cut).trimEnd();
    const right = rest.text.slice(cut).trimStart();
    parts.push({ ...rest, text: left, width: left.length * perChar });
    rest = {
      ...rest,
      text: right,
      x: Math.max(border + 0.5, rest.x + (cut + 1) * perChar),
      width: right.length * perChar,
    };
  }
  return [...parts, rest];
}
