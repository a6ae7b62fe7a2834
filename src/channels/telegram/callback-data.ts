/**
 * Button payloads (Telegram's callback data), one small codec per kind of
 * press, the grammY bot template's `createCallbackData` habit: a tag on the
 * wire and typed fields. They only ever carry ids; whatever they claim is
 * checked against the database before anything happens (a forged payload is
 * refused). Telegram caps callback data at 64 bytes: a tag and a uuid fit.
 *
 * Here, in the Telegram channel, because two sides write the same payloads:
 * the channel, turning the typed actions of a reminder or a notice into
 * buttons, and the bot, whose features build their own keyboards and read
 * every press. The bot's per-feature codecs are in src/bot/callback-data/.
 */
import type { ButtonAction } from "../../services/notifier.js";

/** One field of a payload: how it is written, and how its text is read back (undefined when malformed). */
export interface Field<T> {
  write(value: T): string;
  read(text: string): T | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const uuid: Field<string> = { write: String, read: (text) => (UUID.test(text) ? text : undefined) };

/** The first 8 hex digits of an id: a task id and a whole unit id together exceed 64 bytes. */
export const hex8: Field<string> = { write: String, read: (text) => (/^[0-9a-f]{8}$/.test(text) ? text : undefined) };

export const count = (max: number): Field<number> => ({
  write: String,
  read: (text) => (/^\d{1,4}$/.test(text) && Number(text) <= max ? Number(text) : undefined),
});

export const oneOf = <const V extends string>(values: readonly V[]): Field<V> => ({
  write: String,
  read: (text) => ((values as readonly string[]).includes(text) ? (text as V) : undefined),
});

/** Text of a fixed form (a criterion code "1.2.3"); never a ":", the separator. */
export const matching = (pattern: RegExp): Field<string> => ({
  write: String,
  read: (text) => (!text.includes(":") && pattern.test(text) ? text : undefined),
});

type ValuesOf<F> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };

/** One kind of press: packs its values after the tag, and unpacks a payload of its own tag (null otherwise). */
export interface CallbackData<V> {
  readonly tag: string;
  pack(values: V): string;
  unpack(data: string): V | null;
}

/** Tags in use: two codecs with one tag would read each other's presses. */
const TAGS = new Set<string>();

/**
 * A codec for payloads `tag:field1:field2…`, fields in the order given. The
 * tag is unique across the process (a second codec with it throws at start).
 */
export function createCallbackData<const F extends Record<string, Field<unknown>>>(
  tag: string,
  fields: F,
): CallbackData<ValuesOf<F>> {
  if (TAGS.has(tag)) throw new Error(`callback tag "${tag}" is used twice`);
  TAGS.add(tag);
  const entries: Array<[string, Field<unknown>]> = Object.entries(fields);
  return {
    tag,
    pack(values) {
      const record = values as Record<string, unknown>;
      return [tag, ...entries.map(([name, field]) => field.write(record[name]))].join(":");
    },
    unpack(data) {
      if (entries.length === 0) return data === tag ? ({} as ValuesOf<F>) : null;
      if (!data.startsWith(`${tag}:`)) return null;
      const parts = data.slice(tag.length + 1).split(":");
      if (parts.length !== entries.length) return null;
      const values: Record<string, unknown> = {};
      for (const [i, [name, field]] of entries.entries()) {
        const value = field.read(parts[i] as string);
        if (value === undefined) return null;
        values[name] = value;
      }
      return values as ValuesOf<F>;
    },
  };
}

/** The presses a reminder or a notice carries: the same payloads as the bot's own keyboards. */
export const doneData = createCallbackData("done", { milestoneId: uuid });
export const evidenceData = createCallbackData("evidence", { milestoneId: uuid });
export const approveData = createCallbackData("approve", { requestId: uuid });
export const returnData = createCallbackData("return", { requestId: uuid });
export const grantData = createCallbackData("grant", { requestId: uuid });
export const denyData = createCallbackData("deny", { requestId: uuid });

const MILESTONE_BUTTONS = { done: doneData, evidence: evidenceData } as const;
const REQUEST_BUTTONS = { approve: approveData, return: returnData, grant: grantData, deny: denyData } as const;

/** The payload of a typed button action from a service (a reminder's "Đã hoàn thành", a request's "Duyệt"). */
export function encodeButtonAction(action: ButtonAction): string {
  return "milestoneId" in action
    ? MILESTONE_BUTTONS[action.verb].pack(action)
    : REQUEST_BUTTONS[action.verb].pack(action);
}
