/**
 * What a settings change does to the coming sends, from the sends planned
 * before and after it (both by the one planning code): how many keep their
 * instant, move to another time the same day, appear or go away.
 */
import { DateTime } from "luxon";

/** One planned send: who gets what about which milestone (`key`), and when. */
export interface PlannedSend {
  /** Milestone, kind and audience: the same send before and after shares it. */
  key: string;
  /** ISO instant. */
  at: string;
}

export interface SendsPreview {
  /** Sends planned after the change. */
  total: number;
  unchanged: number;
  /** Sends that keep their day and change their time. */
  retimed: number;
  added: number;
  removed: number;
  /** Local "HH:MM" before and after of the most common retiming, when sends were retimed. */
  fromTime: string | null;
  toTime: string | null;
  /** The earliest send that the change moves or adds (ISO), or null when none. */
  firstChanged: string | null;
}

/** What a change will do (or did): the value before and after, and the effect on the coming sends. */
export interface SettingsEffect {
  before: unknown;
  after: unknown;
  /** The reminders of milestones. */
  reminders: SendsPreview;
  /** The weekly digest's next instant before and after (ISO), when there is one. */
  nextDigest: { before: string | null; after: string | null };
}

const localOf = (at: string, timeZone: string) => DateTime.fromISO(at, { zone: timeZone });

/** The difference between the sends planned before and after a change, read in the organization's zone. */
export function previewSends(before: PlannedSend[], after: PlannedSend[], timeZone: string): SendsPreview {
  const remaining = new Map<string, number[]>();
  const instant = (at: string) => Date.parse(at);
  for (const send of before) {
    const id = `${send.key}@${instant(send.at)}`;
    remaining.set(id, [...(remaining.get(id) ?? []), 1]);
  }
  let unchanged = 0;
  const moved: PlannedSend[] = [];
  for (const send of after) {
    const id = `${send.key}@${instant(send.at)}`;
    const left = remaining.get(id);
    if (left && left.length > 0) {
      left.pop();
      unchanged++;
    } else moved.push(send);
  }
  // What is left of `before` was removed or retimed: a send of the same key on the same local day was retimed.
  const leftByDay = new Map<string, PlannedSend[]>();
  for (const send of before) {
    const id = `${send.key}@${instant(send.at)}`;
    const left = remaining.get(id);
    if (!left || left.length === 0) continue;
    left.pop();
    const day = `${send.key}|${localOf(send.at, timeZone).toISODate()}`;
    leftByDay.set(day, [...(leftByDay.get(day) ?? []), send]);
  }
  let retimed = 0;
  let added = 0;
  const retimings = new Map<string, number>();
  let firstChanged: string | null = null;
  for (const send of moved) {
    const day = `${send.key}|${localOf(send.at, timeZone).toISODate()}`;
    const previous = leftByDay.get(day)?.pop();
    if (previous) {
      retimed++;
      const pair = `${localOf(previous.at, timeZone).toFormat("HH:mm")}>${localOf(send.at, timeZone).toFormat("HH:mm")}`;
      retimings.set(pair, (retimings.get(pair) ?? 0) + 1);
    } else added++;
    if (firstChanged === null || instant(send.at) < instant(firstChanged)) firstChanged = send.at;
  }
  const removed = [...leftByDay.values()].reduce((sum, sends) => sum + sends.length, 0);
  const [common] = [...retimings].sort((a, b) => b[1] - a[1]);
  const [fromTime, toTime] = common ? common[0].split(">") : [null, null];
  return {
    total: after.length,
    unchanged,
    retimed,
    added,
    removed,
    fromTime: fromTime ?? null,
    toTime: toTime ?? null,
    firstChanged,
  };
}
