import { roleOfHeader } from "../interpret/columns.js";
import type { PdfPage, Run } from "./pdf-page.js";

/** Runs on one baseline of one page, left to right. */
export interface Line {
  page: number;
  y: number;
  runs: Run[];
}

/** A line of a PDF that is not part of the plan, with why it was dropped (for `--explain`). */
export interface DroppedLine {
  page: number;
  text: string;
  reason: string;
}

/** Joins the runs of one line: a space where the runs are apart, none where a word was split in two. */
export function joinRuns(runs: Run[]): string {
  let text = "";
  let previous: Run | null = null;
  for (const run of runs) {
    const gap = previous ? run.x - (previous.x + previous.width) : 0;
    const apart = previous !== null && (gap > run.height * 0.12 || Math.abs(run.y - previous.y) > 2);
    text += apart && !text.endsWith(" ") && !run.text.startsWith(" ") ? ` ${run.text}` : run.text;
    previous = run;
  }
  return text.replace(/\s+/g, " ").trim();
}

export function linesOfPage(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - run.y) <= Math.max(2, run.height * 0.25)) last.runs.push(run);
    else lines.push({ page: run.page, y: run.y, runs: [run] });
  }
  for (const line of lines) line.runs.sort((a, b) => a.x - b.x);
  return lines;
}

/** How much of the page's height counts as its top or bottom margin, where headers and footers print. */
const MARGIN_SHARE = 0.09;

/** Page numbers as producers print them: "Trang 2/5", "Page 1", "2 / 5", "- 3 -". */
const PAGE_NUMBER =
  /^(?:(?:trang|page|tr\.)\s*\d+(?:\s*(?:\/|of|trên|của)\s*\d+)?|\d+\s*\/\s*\d+|[-–]?\s*\d{1,3}\s*[-–]?)$/iu;
/** A browser's header and footer: the page's address and the date and time it was printed. */
const BROWSER_MARK = /(?:^|\s)(?:file|https?):\/\/\S+|\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?/i;

/** Text with its numbers blanked, so "Trang 1/4" and "Trang 2/4" are the same furniture. */
const shapeOf = (text: string): string => text.replace(/\d+/g, "#");

/** The table header's own words never count as furniture, though they repeat at the top of each page. */
const TABLE_HEADER = /^(số\s*)?s?tt\.?$/iu;

/** A line between vertical rules is in a ruled table (a repeated header row), whatever it repeats. */
function insideRules(page: PdfPage, line: Line): boolean {
  const first = line.runs[0] as Run;
  const last = line.runs[line.runs.length - 1] as Run;
  const crossing = page.vertical.filter((v) => v.from <= line.y && line.y <= v.to);
  return crossing.some((v) => v.at <= first.x) && crossing.some((v) => v.at >= last.x + last.width);
}

/**
 * Splits each page's lines into content and furniture. A line is furniture when
 * it sits in the top or bottom margin, beyond every line of content, and either
 * has the shape of a page number or browser mark, or repeats (numbers aside) at
 * the same height on other pages.
 */
export function dropFurniture(pages: PdfPage[]): { lines: Line[][]; dropped: DroppedLine[] } {
  const perPage = pages.map((page) => linesOfPage(page.runs));
  const seen = new Map<string, Set<number>>();
  perPage.forEach((lines, p) => {
    for (const line of lines) {
      const key = `${shapeOf(joinRuns(line.runs))}@${Math.round(line.y / 4)}`;
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(p);
    }
  });
  const dropped: DroppedLine[] = [];
  const lines = perPage.map((pageLines, p) => {
    const page = pages[p] as PdfPage;
    const margin = page.height * MARGIN_SHARE;
    const reasonFor = (line: Line): string | null => {
      const text = joinRuns(line.runs);
      if (line.runs.some((run) => TABLE_HEADER.test(run.text.trim()) || roleOfHeader(run.text) !== "other"))
        return null;
      if (insideRules(page, line)) return null;
      if (PAGE_NUMBER.test(text)) return "số trang (đầu/chân trang)";
      if (BROWSER_MARK.test(text)) return "đầu/chân trang do trình duyệt in (địa chỉ, ngày giờ)";
      const key = `${shapeOf(text)}@${Math.round(line.y / 4)}`;
      if (pages.length > 1 && (seen.get(key)?.size ?? 0) >= 2) return "đầu/chân trang lặp lại trên các trang";
      return null;
    };
    const keep = new Set(pageLines);
    // From the top edge down, and from the bottom edge up, while lines are in the margin and are furniture.
    for (const order of [pageLines, [...pageLines].reverse()]) {
      for (const line of order) {
        const fromEdge = order === pageLines ? page.bottom + page.height - line.y : line.y - page.bottom;
        if (fromEdge > margin || !keep.has(line)) break;
        const reason = reasonFor(line);
        if (!reason) break;
        keep.delete(line);
        dropped.push({ page: page.number, text: joinRuns(line.runs), reason });
      }
    }
    return pageLines.filter((line) => keep.has(line));
  });
  return { lines, dropped };
}
