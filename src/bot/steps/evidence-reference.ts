import { z } from "zod";

export const evidenceReferenceSteps = [
  /** A typed document reference, shown back for confirmation; stored as evidence only when confirmed. */
  z.object({
    kind: z.literal("evidence-reference"),
    milestoneId: z.uuid(),
    thenComplete: z.boolean(),
    reference: z.object({
      documentType: z.string(),
      numberSymbol: z.string(),
      issuedOn: z.iso.date(),
      issuer: z.string(),
    }),
    typedText: z.string(),
  }),
] as const;
