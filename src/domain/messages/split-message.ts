/**
 * Cutting a long message into parts a messenger accepts. Zalo's Bot API takes
 * 1 to 2,000 characters per message (Telegram 4,096); a reminder for someone
 * with many tasks runs longer, so it goes as several messages, cut where a
 * reader would pause.
 */

/** Zalo Bot API: `text` of sendMessage (and a photo's caption) is 1..2000 characters. */
export const ZALO_TEXT_LIMIT = 2000;

const SURROGATE_HIGH = /[\uD800-\uDBFF]/;
const COMBINING_MARK = /\p{M}/u;

/**
 * Where to cut `text` so that the first part holds at most `limit` UTF-16 code
 * units: after the last line break that fits, else after the last space that
 * fits, else (one word longer than the limit, such as a long link) at the
 * limit itself, never inside a surrogate pair or before a combining mark.
 * Returns the end of the first part and the start of the rest.
 */
function cutPoint(text: string, limit: number): { end: number; at: "line" | "word" | "inside-word" } {
  const newline = text.lastIndexOf("\n", limit);
  if (newline > 0) return { end: newline, at: "line" };
  // Down to 0: a line that fits once its indentation goes is not cut inside.
  for (let i = limit; i >= 0; i--) {
    if (/\s/.test(text[i] as string)) return { end: i, at: "word" };
  }
  let end = limit;
  // Back off until the cut falls between two characters: not inside a
  // surrogate pair, not before a combining mark (a Vietnamese letter typed in
  // decomposed form, a + U+0301, or an emoji's variation selector stays whole).
  while (end > 1 && (SURROGATE_HIGH.test(text[end - 1] as string) || COMBINING_MARK.test(text[end] as string))) {
    end--;
  }
  return { end, at: "inside-word" };
}

/** Telegram's limit on one message's text, in UTF-16 units. */
export const TELEGRAM_TEXT_LIMIT = 4096;

/**
 * Splits `text` into parts of at most `limit` characters (UTF-16 code units,
 * which never undercounts what the API counts), cutting at line breaks first,
 * then between words; a single word longer than the limit is the only thing
 * ever cut inside. No text is lost: only the whitespace at a cut goes, and
 * blank or whitespace-only parts are not produced. Text that fits comes back
 * unchanged as one part; blank text gives no parts.
 */
export function splitMessage(text: string, limit: number = ZALO_TEXT_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError(`limit must be an integer >= 2, got ${limit}`);
  if (text.trim() === "") return [];
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  // Blank lines before the text would only waste the first part's room.
  let rest = text.replace(/^(?:[ \t]*\r?\n)+/, "");
  while (rest.length > limit) {
    const { end, at } = cutPoint(rest, limit);
    const part = rest.slice(0, end).trimEnd();
    if (part.trim() !== "") parts.push(part);
    rest = rest.slice(end);
    // The whitespace at a cut goes; after a line break the next line keeps its
    // indentation, but blank lines would only open the next message with space.
    if (at === "line") rest = rest.slice(1).replace(/^(?:[ \t]*\r?\n)+/, "");
    if (at === "word") rest = rest.trimStart();
  }
  if (rest.trim() !== "") parts.push(rest.trimEnd());
  return parts;
}
