/**
 * Role gates as grammY filters (the bot template's `filters/` habit):
 * `composer.filter(canCoordinate)` runs a feature only for whoever may do its
 * work, and a handler asks `viewerMay` for a finer choice. Every gate asks the
 * services' one access answer, so the bot holds no role check of its own and
 * never disagrees with the use case, which asks again.
 */
import { hasAccess, type Permission } from "../../services/access.js";
import type { Viewer } from "../../services/people/viewer.js";
import type { BoundContext } from "../context.js";

/** The permissions asked of the viewer's own organization (a milestone's is asked of the milestone). */
type OrganizationPermission = Exclude<Permission, "milestone.act">;

/** Whether the viewer holds `permission` in their own organization: the one question every gate asks. */
export function viewerMay(viewer: Viewer, permission: OrganizationPermission): boolean {
  return hasAccess(viewer, permission, viewer);
}

/** The office's work: imports, reviews, people, settings. */
export const canCoordinate = (ctx: BoundContext) => viewerMay(ctx.viewer, "organization.coordinate");
/** Every unit's work: the digest, the wide lists, the reports. */
export const canReadOrganization = (ctx: BoundContext) => viewerMay(ctx.viewer, "organization.read");
export const canApprove = (ctx: BoundContext) => viewerMay(ctx.viewer, "completion.approve");
export const canDecideExtensions = (ctx: BoundContext) => viewerMay(ctx.viewer, "extension.decide");
export const canInvite = (ctx: BoundContext) => viewerMay(ctx.viewer, "invite.create");
