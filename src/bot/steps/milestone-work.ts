/** What the milestone work waits for between two messages: a file, a note, a new date, then its reason. */
import { z } from "zod";

export const milestoneWorkSteps = [
  /** A file or a document reference as evidence; `thenComplete` when it came from "Đã hoàn thành". */
  z.object({ kind: z.literal("evidence"), milestoneId: z.uuid(), thenComplete: z.boolean() }),
  z.object({ kind: z.literal("progress-note"), milestoneId: z.uuid() }),
  z.object({ kind: z.literal("extension-date"), milestoneId: z.uuid() }),
  z.object({ kind: z.literal("extension-reason"), milestoneId: z.uuid(), newDue: z.iso.date() }),
] as const;
