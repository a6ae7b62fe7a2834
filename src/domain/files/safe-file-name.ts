/**
 * One rule for a file or folder name we write (evidence on disk, entries of the
 * evidence zip): readable in Vietnamese, accepted by every file system and
 * archive tool, unable to climb out of its folder or to disguise itself.
 */

/** ext4 and most file systems allow 255 bytes per name; we keep room for a suffix. */
export const MAX_FILE_NAME_BYTES = 200;

/**
 * Control characters, and format characters such as U+202E (right-to-left
 * override, which makes "gpj.exe" read as "exe.jpg") and zero-width marks.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
/** Path separators and what Windows or zip tools refuse. */
const RESERVED = /[/\\:*?"<>|]/g;

const encoder = new TextEncoder();

/** The longest prefix of `text` within `maxBytes` of UTF-8, never cutting a character in two. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (encoder.encode(text).length <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = encoder.encode(char).length;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * `name` made safe to write: NFC, invisible and reserved characters removed or
 * replaced, no leading dots, white space folded, at most `maxBytes` of UTF-8
 * with the extension kept when there is room. `fallback` when nothing is left.
 */
export function safeFileName(name: string, options: { maxBytes?: number; fallback?: string } = {}): string {
  const maxBytes = options.maxBytes ?? MAX_FILE_NAME_BYTES;
  const cleaned = name
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(RESERVED, "_")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+/, "")
    .trim();
  if (cleaned.length === 0) return options.fallback ?? "_";
  if (encoder.encode(cleaned).length <= maxBytes) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  const stem = truncateUtf8(
    cleaned.slice(0, cleaned.length - extension.length),
    maxBytes - encoder.encode(extension).length,
  );
  return `${stem.trimEnd()}${extension}`;
}

/**
 * A file name as the product shows or stores it (chat, web, CLI, the plan's
 * record): control and format characters removed, so a right-to-left override
 * (U+202E) cannot make "kehoach‮xcod.exe" read as "kehoachexe.docx", and NFC.
 * Unlike safeFileName it keeps the name's own characters (slashes, colons).
 */
export function displayFileName(name: string, fallback = "_"): string {
  const shown = name.normalize("NFC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  return shown.length > 0 ? shown : fallback;
}
