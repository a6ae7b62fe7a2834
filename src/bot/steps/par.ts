import { z } from "zod";

/** /chiso: a self-score typed for a criterion (its code typed or pressed), then the justification of that score. */
export const parSteps = [
  z.object({ kind: z.literal("par-score-criterion"), year: z.number().int() }),
  z.object({ kind: z.literal("par-score-points"), year: z.number().int(), code: z.string().max(20) }),
  z.object({
    kind: z.literal("par-score-justification"),
    year: z.number().int(),
    code: z.string().max(20),
    points: z.string().max(40),
  }),
] as const;
