/**
 * How the demo prints the chats: the same text every run, whatever the machine's speed.
 *
 * The dispatcher sends to several chats at once, so the order in which messages to different people reach the
 * emulators changes from run to run (each person's own chat keeps its order). The transcript therefore holds
 * the bot's messages and prints them at the next step of the story (a person types, or the clock moves on):
 * the person who just acted first, then everyone in the order they joined, each chat in the order it received.
 * Secrets that are random in every run (invite codes, signed task links) are printed as placeholders.
 */
import { DateTime } from "luxon";

const MAX_LINES = 14;

export interface DemoClock {
  now: Date;
}

export interface Transcript {
  /** A line printed at once (a title, a narration). */
  line(text?: string): void;
  /** What a person types or presses, stamped now; what the bot sent before it is printed first. */
  says(name: string, text: string): void;
  /**
   * A bot message to the recipient `order` (their place in the story), stamped at its arrival and held until
   * the next flush. `lines` are the message's lines; `footer` follows them unshortened (its buttons).
   */
  message(order: number, header: string, lines: string[], footer?: string): void;
  /** Prints the held messages: `first`'s chat first, then by recipient order, each chat in arrival order. */
  flush(first?: number): void;
}

/** A signed task link's token: random per run (ids and expiry), so it is printed as a placeholder. */
const TASK_LINK_TOKEN = /\/t\/[A-Za-z0-9_-]{20,}/g;

/** Text as the demo prints it: the signed parts of task links replaced by a fixed placeholder. */
export function withoutSecrets(text: string): string {
  return text.replace(TASK_LINK_TOKEN, "/t/‹liên-kết-ký-riêng›");
}

export function createTranscript(clock: DemoClock, zone: string, write: (text: string) => void): Transcript {
  const out = (text = "") => write(`${text}\n`);
  let printedDay = "";
  const held: Array<{ order: number; seq: number; day: string; text: string }> = [];
  let seq = 0;
  const stamp = () => DateTime.fromJSDate(clock.now, { zone });
  const dayOf = () => stamp().setLocale("vi").toFormat("cccc dd/MM/yyyy");
  const dayHeader = (day: string) => {
    if (day === printedDay) return;
    printedDay = day;
    out("");
    out(`──────── ${day} ────────`);
  };
  const flush = (first?: number) => {
    const rank = (order: number) => (order === first ? -1 : order);
    const ordered = held.splice(0).sort((a, b) => rank(a.order) - rank(b.order) || a.seq - b.seq);
    for (const entry of ordered) {
      dayHeader(entry.day);
      write(entry.text);
    }
  };
  return {
    line: out,
    says(name, text) {
      flush();
      dayHeader(dayOf());
      out(`[${stamp().toFormat("HH:mm")}] 👤 ${name}: ${text}`);
    },
    message(order, header, lines, footer) {
      const shown =
        lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `… (+${lines.length - MAX_LINES} dòng)`] : lines;
      const body = [`[${stamp().toFormat("HH:mm")}] ${header}`, ...shown.map((line) => `    ${line}`)];
      if (footer) body.push(`    ${footer}`);
      held.push({ order, seq: seq++, day: dayOf(), text: withoutSecrets(`${body.join("\n")}\n`) });
    },
    flush,
  };
}
