import { z } from "zod";
import { SETTING_FIELDS } from "../../domain/settings/index.js";

/** /caidat: a typed value for a setting, then the confirmation of its previewed change (re-read on confirm). */
export const settingsSteps = [
  z.object({ kind: z.literal("settings-value"), field: z.enum(SETTING_FIELDS) }),
  z.object({ kind: z.literal("settings-confirm"), field: z.enum(SETTING_FIELDS), text: z.string().max(200) }),
] as const;
