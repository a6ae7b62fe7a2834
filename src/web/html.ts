/**
 * HTML written by hand, escaped by default: every interpolated value is text
 * unless it is already `Html` (another template's output).
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const NEEDS_ESCAPE = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most values (dates, ids, numbers) have nothing to escape: skip the replace.
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string) : text;
}

type Part = Html | string | number | null | undefined | false | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

/**
 * A template's own text without the source's indentation: a newline and the
 * spaces after it read as one newline in HTML, and a 200-task plan carried
 * more indentation than content. Done once per template (the strings array
 * is the same object on every call); interpolated values are left untouched.
 */
const compacted = new WeakMap<TemplateStringsArray, readonly string[]>();

function compact(strings: TemplateStringsArray): readonly string[] {
  let parts = compacted.get(strings);
  if (!parts) {
    parts = strings.map((part) => part.replace(/\n\s+/g, "\n"));
    compacted.set(strings, parts);
  }
  return parts;
}

/** The template tag: `html\`<td>${name}</td>\`` escapes `name`. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  const parts = compact(strings);
  let out = parts[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (parts[i + 1] ?? "");
  return new Html(out);
}
