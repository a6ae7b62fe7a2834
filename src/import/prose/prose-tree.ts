/**
 * Numbered paragraphs as a tree: "1." over "1.1" over "a)" over "-" over "+",
 * whatever order a plan nests them in. A line without a marker, or one that
 * starts with a clause label ("- Thời gian hoàn thành: …"), belongs to the item above.
 */
import { startsWithClauseLabel } from "./clauses.js";
import { markerOf, type MarkerKind, type ProseLine } from "./prose-lines.js";

export interface ProseItem {
  kind: MarkerKind;
  /** "1", "1.2", "a"; the ordinal among its siblings for a bullet. */
  label: string;
  /** The item's own lines, the first without its marker. */
  lines: ProseLine[];
  children: ProseItem[];
}

export interface ProseTree {
  /** Lines before the first item (a section's lead-in). */
  preamble: ProseLine[];
  items: ProseItem[];
}

/** Builds the item tree of `lines` (the body of one part of a document). */
export function buildProseTree(lines: ProseLine[], options: { paragraphsEndItems?: boolean } = {}): ProseTree {
  const preamble: ProseLine[] = [];
  const roots: ProseItem[] = [];
  const stack: ProseItem[] = [];
  for (const line of lines) {
    const marker = startsWithClauseLabel(line.text) ? null : markerOf(line.text);
    const current = stack[stack.length - 1];
    if (!marker) {
      // In a letter each item is one paragraph: a new capitalised paragraph after a finished sentence stands alone.
      const last = current?.lines[current.lines.length - 1]?.text ?? "";
      if (current && options.paragraphsEndItems && /^\p{Lu}/u.test(line.text) && /[.;]$/u.test(last)) {
        stack.length = 0;
        preamble.push(line);
        continue;
      }
      if (current) current.lines.push(line);
      else preamble.push(line);
      continue;
    }
    const same = stack.findIndex((item) => item.kind === marker.kind);
    if (same >= 0) stack.length = same;
    else {
      // A deeper number ("1.1") under a shallower one that was closed keeps its own level.
      const depth = Number(/^num(\d)$/.exec(marker.kind)?.[1] ?? 0);
      if (depth > 0) {
        const shallower = stack.findIndex((item) => /^num(\d)$/.test(item.kind) && Number(item.kind[3]) >= depth);
        if (shallower >= 0) stack.length = shallower;
      }
    }
    const parent = stack[stack.length - 1];
    const siblings = parent ? parent.children : roots;
    const ordinal = siblings.filter((s) => s.kind === marker.kind).length + 1;
    const item: ProseItem = {
      kind: marker.kind,
      label: marker.label || String(ordinal),
      lines: [{ text: marker.rest, line: line.line }],
      children: [],
    };
    siblings.push(item);
    stack.push(item);
  }
  return { preamble, items: roots };
}

/** The item's own text, lines joined so that clause labels on later lines still read as labels. */
export const itemText = (item: ProseItem): string => item.lines.map((l) => l.text).join("\n");
