import { z } from "zod";

/** /rasoat: the date typed after "Đặt ngày". */
export const reviewSteps = [z.object({ kind: z.literal("review-date"), milestoneId: z.uuid() })] as const;
