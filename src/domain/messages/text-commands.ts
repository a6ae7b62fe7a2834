/**
 * What a person types to the bot where there are no buttons (Zalo): a few
 * Vietnamese phrases, recognised with or without diacritics, in any case,
 * with or without a leading "/" (people used to Telegram type "/viec").
 */

/** Which task "xong …" means: its place in the last list shown, or its number in the plan ("2.1", "II.3"). */
export type TaskReference = { kind: "position"; position: number } | { kind: "task-number"; number: string };

export type TextCommand =
  /** "việc", "việc của tôi": my open tasks. */
  | { kind: "my-work" }
  /** "quá hạn": my overdue tasks. */
  | { kind: "overdue" }
  /** "xong 2", "xong 2.1", "Xong số 2": report a task done. */
  | { kind: "done"; task: TaskReference }
  /** "xong" with no usable number: the answer explains the form. */
  | { kind: "done-without-task" }
  /** "web", "đăng nhập": a sign-in link to the web app. */
  | { kind: "web" }
  /** "giúp", "help", "?", a greeting. */
  | { kind: "help" }
  /** An invite code, alone or after "/start" or words such as "mã mời:". */
  | { kind: "invite-code"; code: string }
  | { kind: "unknown" };

/** Invite codes are base64url (16 random bytes give 22 characters); Telegram allows up to 64 in a deep link. */
const INVITE_CODE = /^[A-Za-z0-9_-]{20,64}$/;

/** The largest list position we accept: a list longer than this is paged anyway. */
const MAX_POSITION = 999;

/**
 * Folds Vietnamese text to plain lower-case ASCII letters for matching:
 * "Việc của tôi" -> "viec cua toi", "Đã xong" -> "da xong". Digits, dots and
 * "#" stay; other punctuation becomes a space; runs of spaces become one.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9.#?\s]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const MY_WORK = /^(?:xem )?(?:danh sach )?(?:cong )?viec(?: cua)?(?: toi| minh| em)?$/;
const OVERDUE = /^(?:xem )?(?:viec |cong viec )?(?:qua ?han|tre han)$/;
/** A greeting or "/start" without a code gets the help too: it says how to begin. */
const HELP = /^(?:\?+|help|giup|giup do|tro giup|huong dan|menu|start|bat dau|xin chao|chao|hi|hello)$/;
const WEB = /^(?:web|trang web|dang nhap|mo web)$/;
const DONE = /^(?:da |bao )?(?:xong|hoan thanh)(?: viec)?(?: (?:so|thu))?(?: *#? *(.+))?$/;

function taskReference(raw: string): TaskReference | null {
  const text = raw.trim().replace(/\.$/, "");
  if (/^\d{1,3}$/.test(text)) {
    const position = Number(text);
    return position >= 1 && position <= MAX_POSITION ? { kind: "position", position } : null;
  }
  // A plan's task number: a section (Arabic or Roman) and the row, "2.1", "II.3", "1.2.4".
  if (/^(?:\d{1,3}|[ivxlc]{1,7})(?:\.\d{1,3})+$/i.test(text)) {
    return { kind: "task-number", number: text.toUpperCase() };
  }
  return null;
}

function inviteCodeIn(text: string): string | null {
  const tokens = text
    .trim()
    .split(/\s+/)
    .map((token) => token.replace(/^[^A-Za-z0-9_-]+|[^A-Za-z0-9_-]+$/g, ""));
  if (tokens.length === 0) return null;
  // Alone, after "/start" (a Telegram habit), or as the last word ("Mã mời: …").
  const candidates = tokens[0] === "start" && tokens.length === 2 ? [tokens[1]] : [tokens[tokens.length - 1]];
  const code = candidates.find((token) => token !== undefined && INVITE_CODE.test(token));
  return code ?? null;
}

/** Reads one message a person typed into the command it asks for. */
export function parseTextCommand(text: string): TextCommand {
  const folded = foldVietnamese(text.replace(/^\s*\//, ""));
  if (folded === "") return { kind: "unknown" };
  if (HELP.test(folded)) return { kind: "help" };
  if (MY_WORK.test(folded)) return { kind: "my-work" };
  if (OVERDUE.test(folded)) return { kind: "overdue" };
  if (WEB.test(folded)) return { kind: "web" };
  const done = DONE.exec(folded);
  if (done) {
    const task = done[1] === undefined ? null : taskReference(done[1]);
    return task ? { kind: "done", task } : { kind: "done-without-task" };
  }
  const code = inviteCodeIn(text.replace(/^\s*\//, ""));
  if (code) return { kind: "invite-code", code };
  return { kind: "unknown" };
}
