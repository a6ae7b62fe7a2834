import type { IsoDate } from "../calendar/iso-date.js";
import type { RecurrenceUnit } from "../vietnamese-time/lexicon.js";

/**
 * What a deadline cell ("Thời gian hoàn thành") means once read: the contract of
 * docs/spec/deadlines.md.
 */
export type ScheduleKind = "dated" | "recurring" | "ongoing" | "unscheduled";

export type { RecurrenceUnit } from "../vietnamese-time/lexicon.js";

export interface Recurrence {
  every: RecurrenceUnit;
  /** Day of the period when the text states one (25 in "ngày 25 hàng tháng"); ISO weekday for weeks. */
  day: number | null;
}

/** One trackable piece of work: due is the last day on time, start opens a window. */
export interface Milestone {
  start: IsoDate | null;
  due: IsoDate;
  /** What this milestone is for when the text says so ("báo cáo 6 tháng"). */
  label: string | null;
  /** Who it is for when the text splits by level ("Cấp xã"). */
  appliesTo: string | null;
}

export interface Schedule {
  text: string;
  kind: ScheduleKind;
  milestones: Milestone[];
  recurrence: Recurrence | null;
  needsReview: boolean;
}

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

export interface DeadlineContext {
  /** The plan's year; fills in dates that name no year. */
  planYear: number;
  /** The plan's period; defaults to the whole plan year. */
  period?: Period;
}
