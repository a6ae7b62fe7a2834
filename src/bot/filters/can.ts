/**
 * Role gates as grammY filters (the bot template's `filters/` habit):
 * `composer.filter(canCoordinate)` runs a feature only for whoever may do its
 * work. Every gate reads the services' one answer of what a viewer may do
 * (capabilitiesOf), so the bot holds no role check of its own and never
 * disagrees with the use case, which asks again.
 */
import { capabilitiesOf } from "../../services/access.js";
import type { BoundContext } from "../context.js";

/** The office's work: imports, reviews, people, settings. */
export const canCoordinate = (ctx: BoundContext) => capabilitiesOf(ctx.viewer).coordinate;
/** Every unit's work: the digest, the wide lists, the reports. */
export const canReadOrganization = (ctx: BoundContext) => capabilitiesOf(ctx.viewer).readOrganization;
export const canApprove = (ctx: BoundContext) => capabilitiesOf(ctx.viewer).approveCompletion;
export const canDecideExtensions = (ctx: BoundContext) => capabilitiesOf(ctx.viewer).decideExtension;
export const canInvite = (ctx: BoundContext) => capabilitiesOf(ctx.viewer).invite;
