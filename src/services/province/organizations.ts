/**
 * The organizations of a province: adding one under a parent, and the list of
 * those under it. The hierarchy is what the province roles' reading rights
 * follow (access.ts); a commune knows only its own organization.
 */
import { asc, eq } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { organizations } from "../../../db/schema.js";
import type { OrganizationKind } from "../../domain/milestones/index.js";
import { isOperator, type Principal, type Refused, requireAccess, requireReadable } from "../access.js";

/** A slug the CLI and the web take (`gio-son`): lower-case letters, digits and dashes. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface NewOrganization {
  slug: string;
  name: string;
  kind: OrganizationKind;
  /** The province or department it is under, by slug; absent at the top. */
  parentSlug?: string;
}

/**
 * The organization named `slug` if the principal may add organizations under it: adding is the
 * province office's work, its coordinators' (and the operator's), not its readers'.
 */
export async function parentToAddUnder(
  db: Database,
  principal: Principal,
  slug: string,
): Promise<Refused<"not-found" | "not-allowed"> | { kind: "ok"; organizationId: string }> {
  const [parent] = await db
    .select({ organizationId: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!parent) return { kind: "not-found" };
  const refused =
    requireReadable(principal, parent.organizationId) ?? requireAccess(principal, "organization.coordinate", parent);
  return refused ?? { kind: "ok", organizationId: parent.organizationId };
}

export type AddOrganizationResult =
  | Refused<"not-found" | "not-allowed">
  | { kind: "exists"; id: string }
  | { kind: "created"; id: string; parentId: string | null };

/**
 * Adds an organization (under `parentSlug` when given). The operator adds
 * anywhere; a province's coordinator adds under the province. An existing slug is left as it is ("exists").
 */
export async function addOrganization(
  db: Database,
  principal: Principal,
  organization: NewOrganization,
): Promise<AddOrganizationResult> {
  let parentId: string | null = null;
  if (organization.parentSlug !== undefined) {
    const parent = await parentToAddUnder(db, principal, organization.parentSlug);
    if (parent.kind !== "ok") return parent;
    parentId = parent.organizationId;
  } else if (!isOperator(principal)) return { kind: "not-allowed" };
  const [existing] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, organization.slug));
  if (existing) return { kind: "exists", id: existing.id };
  const [created] = await db
    .insert(organizations)
    .values({ slug: organization.slug, name: organization.name, kind: organization.kind, parentId })
    .returning({ id: organizations.id });
  return { kind: "created", id: (created as { id: string }).id, parentId };
}

export interface ChildOrganization {
  id: string;
  slug: string;
  name: string;
  kind: OrganizationKind;
}

/** The organizations directly under `organizationId`, by name; for those who may read it. */
export async function childOrganizations(
  db: Database,
  principal: Principal,
  organizationId: string,
): Promise<Refused<"not-found" | "not-allowed"> | { kind: "ok"; children: ChildOrganization[] }> {
  const refused = requireReadable(principal, organizationId);
  if (refused) return refused;
  const children = await db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.parentId, organizationId))
    .orderBy(asc(organizations.name));
  return { kind: "ok", children };
}
