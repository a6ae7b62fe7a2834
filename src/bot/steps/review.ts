import { z } from "zod";

/** /rasoat: the date typed after "Đặt ngày"; the day of receipt typed after "Nhập ngày nhận". */
export const reviewSteps = [
  z.object({ kind: z.literal("review-date"), milestoneId: z.uuid() }),
  z.object({ kind: z.literal("review-receipt"), planId: z.uuid() }),
] as const;
