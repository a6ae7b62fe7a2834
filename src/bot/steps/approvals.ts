import { z } from "zod";

export const approvalSteps = [
  /** The comment typed after "Trả lại", and the approval message to update once it is in. */
  z.object({
    kind: z.literal("return-comment"),
    requestId: z.uuid(),
    chatId: z.number().optional(),
    messageId: z.number().optional(),
  }),
] as const;
