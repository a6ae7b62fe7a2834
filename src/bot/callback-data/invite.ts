import { createCallbackData, oneOf, uuid } from "../../channels/telegram/callback-data.js";
import type { Role } from "../../domain/milestones/index.js";

const ROLES: readonly Role[] = ["member", "unit_head", "coordinator", "chairman"];

/** /moi: the role of the person invited, then (for a unit's roles) their unit. */
export const inviteRoleData = createCallbackData("inv", { role: oneOf(ROLES) });
export const inviteUnitData = createCallbackData("invu", { role: oneOf(ROLES), unitId: uuid });
