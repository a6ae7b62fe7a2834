import type { IsoDate } from "../calendar/iso-date.js";
import type { WorkingCalendar } from "../calendar/working-days.js";
import type { RecurrenceUnit } from "../vietnamese-time/lexicon.js";
import type { CountAnchor, CountUnit } from "../vietnamese-time/scanner.js";

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
  /** "lunar" when the periods are lunar months or years ("rằm hằng tháng âm lịch"); absent for the solar calendar. */
  calendar?: "lunar";
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

/**
 * A deadline counted from a day of the document ("trong thời hạn 05 ngày làm
 * việc kể từ ngày nhận được văn bản này"): kept with the schedule so that the
 * due day can be worked out again when the day it counts from is set or changed.
 */
export interface CountedDeadline {
  n: number;
  unit: CountUnit;
  /** "issued": the document's date; "received": its receipt; "unnamed": the receipt when known, else the date; "event": no day a calendar knows. */
  from: CountAnchor;
  /** The day counted from, or null when the context does not have it (then the schedule needs review). */
  reference: IsoDate | null;
}

export interface Schedule {
  text: string;
  kind: ScheduleKind;
  milestones: Milestone[];
  recurrence: Recurrence | null;
  needsReview: boolean;
  /** Present only for a deadline counted from a day of the document. */
  counted?: CountedDeadline;
}

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

export interface DeadlineContext {
  /** The plan's year; fills in dates that name no year. */
  planYear: number;
  /**
   * The plan's period; defaults to the whole plan year, or, for a document with
   * `issuedOn`, the year from that day on (a directive's "trước ngày 15 hằng tháng"
   * starts with the first 15th after it).
   */
  period?: Period;
  /** The document's date (ngày ban hành, ngày ký): "kể từ ngày ký", "trong 10 ngày" count from it. */
  issuedOn?: IsoDate;
  /** The day the office received the document, when the coordinator set it: "kể từ ngày nhận được văn bản này". */
  receivedOn?: IsoDate;
  /** The working calendar "ngày làm việc" are counted on; the national calendar when absent. */
  calendar?: WorkingCalendar;
}
