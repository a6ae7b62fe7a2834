import type { SourceRow, SourceTable } from "../source-document.js";

/**
 * Text extracted from a PDF table loses its columns: every line of every cell
 * comes on its own line, cells in reading order. This reader rebuilds the rows
 * it needs from what survives: the TT numbers, section numerals, and unit names
 * ("Phòng …", "Văn phòng …", "Trung tâm …", "Các phòng …") that open the lead and
 * support cells, followed by the deadline cell. Text before the first unit cell
 * of a row (objective, task, activity, product) cannot be told apart and is kept
 * together as the row's title.
 */

const HEADER_START = /^TT\s+Mục tiêu/u;
const UNIT_START = /^(Phòng|Văn phòng|Trung tâm|Các phòng|Công an|Ban Chỉ huy|Bộ phận|Công chức)(\s|,|$)/u;
const SECTION = /^([IVX]+)\s+(\p{Lu}[\p{Lu}\s,–-]*)$/u;
const COLUMN_NUMBERS = /^\d+(\s+\d+){4,}$/;
const TASK_NUMBER = /^(\d{1,2})(?:\s+(\p{Lu}.*))?$/u;

interface Line {
  text: string;
  number: number;
}

/** True when a text has the shape of a PDF-extracted plan table: a "TT Mục tiêu …" header line and no tabs. */
export function looksLikePdfTableText(lines: string[]): boolean {
  return lines.some((line) => HEADER_START.test(line.trim()));
}

function continuesCell(text: string): boolean {
  return /^[\p{Ll}\d(]/u.test(text);
}

/** Lines of the appendix with header blocks, column-number rows and page numbers removed. */
function tableLines(lines: string[]): Line[] {
  const kept: Line[] = [];
  const nonBlank: Line[] = lines
    .map((text, i) => ({ text: text.trim(), number: i + 1 }))
    .filter((line) => line.text.length > 0);
  const firstHeader = nonBlank.findIndex((line) => HEADER_START.test(line.text));
  if (firstHeader < 0) return [];
  // The header block runs to the first section row; its length is the same on every page.
  let headerLength = 1;
  while (
    firstHeader + headerLength < nonBlank.length &&
    !SECTION.test((nonBlank[firstHeader + headerLength] as Line).text) &&
    !COLUMN_NUMBERS.test((nonBlank[firstHeader + headerLength] as Line).text)
  ) {
    headerLength++;
  }
  for (let i = firstHeader; i < nonBlank.length; i++) {
    const line = nonBlank[i] as Line;
    if (HEADER_START.test(line.text)) {
      // A bare number just before a repeated header is the page number.
      const previous = kept[kept.length - 1];
      if (previous && /^\d{1,3}$/.test(previous.text)) kept.pop();
      i += headerLength - 1;
      continue;
    }
    if (COLUMN_NUMBERS.test(line.text)) continue;
    kept.push(line);
  }
  return kept;
}

/** Words that end a line in the middle of a phrase: a unit name after them is part of the text ("tại Trung tâm …"). */
const OPEN_ENDING = /(^|\s)(tại|của|với|và|cho|đến|từ|về|ở|bởi|gồm|thuộc|là|giữa|trong)\s*$/u;
const DEADLINE_START =
  /^(-\s*)?(Trước|Thường|Tháng|Quý|Qúy|Năm|Cả năm|Hàng|Hằng|Theo|Sau khi|Định kỳ|Báo cáo|Trong|Từ|Đối với|Liên tục|Hoàn thành|Chậm nhất|\d)/u;

function isUnitStart(lines: Line[], at: number): boolean {
  const line = lines[at];
  if (!line || !UNIT_START.test(line.text)) return false;
  const previous = lines[at - 1];
  return !(previous && OPEN_ENDING.test(previous.text));
}

/** The last line of a unit cell that starts at `at`: it runs until a deadline or another unit cell begins. */
function unitCellEnd(lines: Line[], at: number): number {
  let to = at;
  while (to + 1 < lines.length) {
    const next = lines[to + 1] as Line;
    if (DEADLINE_START.test(next.text) || isUnitStart(lines, to + 1)) break;
    to++;
  }
  return to;
}

const joined = (lines: Line[], from: number, to: number): string =>
  lines
    .slice(from, to + 1)
    .map((line) => line.text)
    .join(" ");

interface RebuiltRow {
  title: string;
  lead: string;
  support: string;
  deadline: string;
  line: number;
}

/** Splits one task's lines into activity rows: [text…] lead [support] deadline, repeated. */
function rowsOfBlock(lines: Line[]): RebuiltRow[] {
  const rows: RebuiltRow[] = [];
  let textFrom = 0;
  let i = 0;
  while (i < lines.length) {
    if (!isUnitStart(lines, i)) {
      i++;
      continue;
    }
    const leadTo = unitCellEnd(lines, i);
    const hasSupport = isUnitStart(lines, leadTo + 1);
    const supportTo = hasSupport ? unitCellEnd(lines, leadTo + 1) : leadTo;
    const deadlineFrom = supportTo + 1;
    let nextLead = -1;
    for (let k = deadlineFrom; k < lines.length; k++) {
      if (isUnitStart(lines, k)) {
        nextLead = k;
        break;
      }
    }
    // The last row's deadline takes the rest of the block; an earlier one stops where the next row's text starts.
    let deadlineTo = lines.length - 1;
    if (nextLead >= 0) {
      deadlineTo = deadlineFrom;
      while (deadlineTo + 1 < nextLead && continuesCell((lines[deadlineTo + 1] as Line).text)) deadlineTo++;
    }
    rows.push({
      title: joined(lines, textFrom, i - 1),
      lead: joined(lines, i, leadTo),
      support: hasSupport ? joined(lines, leadTo + 1, supportTo) : "",
      deadline: deadlineFrom <= deadlineTo ? joined(lines, deadlineFrom, deadlineTo) : "",
      line: (lines[textFrom] ?? lines[i])?.number ?? 0,
    });
    textFrom = deadlineTo + 1;
    i = deadlineTo + 1;
  }
  if (rows.length === 0 && lines.length > 0) {
    rows.push({
      title: joined(lines, 0, lines.length - 1),
      lead: "",
      support: "",
      deadline: "",
      line: (lines[0] as Line).number,
    });
  }
  return rows;
}

/** The appendix of a PDF-extracted plan as a table with the columns TT, title, lead, support, deadline. */
export function readPdfTextTable(lines: string[]): SourceTable {
  const rows: SourceRow[] = [
    {
      cells: ["TT", "Mục tiêu", "Phòng ban chủ trì", "Phòng ban phối hợp", "Thời gian hoàn thành"],
      afterPageBreak: false,
    },
  ];
  const body = tableLines(lines);
  let expected = 1;
  let block: Line[] = [];
  let blockNumber: { stt: string; line: number } | null = null;

  const flush = (): void => {
    if (!blockNumber) return;
    const activityRows = rowsOfBlock(block);
    activityRows.forEach((row, index) => {
      rows.push({
        cells: [index === 0 ? blockNumber!.stt : "", index === 0 ? row.title : "", row.lead, row.support, row.deadline],
        line: index === 0 ? blockNumber!.line : row.line,
        afterPageBreak: false,
      });
    });
    blockNumber = null;
    block = [];
  };

  for (const line of body) {
    const section = SECTION.exec(line.text);
    if (section) {
      flush();
      rows.push({
        cells: [section[1] as string, (section[2] as string).trim(), "", "", ""],
        line: line.number,
        afterPageBreak: false,
      });
      expected = 1;
      continue;
    }
    const number = TASK_NUMBER.exec(line.text);
    if (number && Number(number[1]) === expected) {
      flush();
      blockNumber = { stt: number[1] as string, line: line.number };
      expected++;
      if (number[2]) block.push({ text: number[2], number: line.number });
      continue;
    }
    if (blockNumber) block.push(line);
  }
  flush();
  return { rows };
}
