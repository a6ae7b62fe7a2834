import { z } from "zod";

export const planImportSteps = [
  /** A plan previewed and waiting for "Xác nhận". */
  z.object({
    kind: z.literal("import-confirm"),
    /** Telegram keeps the file: it is downloaded again on confirmation and must hash the same. */
    fileId: z.string().min(1).optional(),
    /** A document pasted as a message has no file to fetch again: its text waits here for the confirmation. */
    pastedText: z.string().min(1).max(20_000).optional(),
    /** The day the document was received, typed while its preview waits: its counted deadlines are read from it. */
    receivedOn: z.iso.date().optional(),
    fileName: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /**
     * A plan over MAX_PLAN_TASKS: its count, asked first ("confirmed": false)
     * and, once confirmed, the limit its preview and import are allowed.
     */
    largePlan: z.object({ tasks: z.number().int().positive(), confirmed: z.boolean() }).optional(),
  }),
] as const;
