/**
 * Who may do what is decided in services (requireAccess, capabilitiesOf);
 * the chat and the web only ask. This walks every file of src/bot and
 * src/web and finds no place that compares roles or calls a domain
 * permission itself, and no `as BoundContext` anywhere in src.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;

/** Every .ts file under a folder of the repository, as a path from the root. */
function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) found.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, folder));
  return found.sort();
}

/** The shapes a role check takes: a role compared, a viewer's roles searched, a domain permission called. */
const ROLE_CHECKS: Array<[string, RegExp]> = [
  ["a role compared", /\brole\s*[!=]==|[!=]==\s*\w*\.?role\b/],
  [
    "a role name compared",
    /["'](?:coordinator|chairman|unit_head|member)["']\s*[!=]==|[!=]==\s*["'](?:coordinator|chairman|unit_head|member)["']/,
  ],
  ["the roles searched", /\.roles\s*\.\s*(?:some|every|find|filter|includes|map|length)\b/],
  // A permission asked of a person (a viewer, an actor); a bot filter of the same name taking the context is not one.
  [
    "a permission decided outside services",
    /\b(?:canCoordinate|canApprove\w*|canDecide\w*|canInvite|canActOnMilestone|seesWholeOrganization|hasRole|isChairman|isCoordinator|requireCoordinator)\s*\(\s*(?:[\w.]*viewer\b|c\.get\(\s*["']viewer["']\s*\)|actor\b|[\w.]*roles\b)/,
  ],
];

/** The domain's permission rules, which only services/access.ts may call. */
const DOMAIN_PERMISSION_IMPORT =
  /import\s*(?:type\s*)?\{[^}]*\b(?:canCoordinate|canApproveCompletion|canDecideExtension|canInvite|canActOnMilestone|seesWholeOrganization)\b[^}]*\}\s*from\s*["'][^"']*domain\/milestones/g;

/** The role checks of one source text, as "line N: what" strings. */
function roleChecksIn(source: string): string[] {
  const found: string[] = [];
  source.split("\n").forEach((line, i) => {
    for (const [what, pattern] of ROLE_CHECKS) if (pattern.test(line)) found.push(`line ${i + 1}: ${what}`);
  });
  for (const match of source.matchAll(DOMAIN_PERMISSION_IMPORT)) {
    const line = source.slice(0, match.index).split("\n").length;
    found.push(`line ${line}: a domain permission imported`);
  }
  return found;
}

describe("role checks", () => {
  it("are found by the scanner in each shape they take", () => {
    expect(roleChecksIn('if (viewer.roles.some((r) => r.role === "coordinator")) parts.push(x);')).toEqual([
      "line 1: a role compared",
      "line 1: a role name compared",
      "line 1: the roles searched",
    ]);
    expect(roleChecksIn("const ok = 1;\nif (!canCoordinate(viewer)) return render.notFound(c);")).toEqual([
      "line 2: a permission decided outside services",
    ]);
    expect(roleChecksIn("if (!canApproveCompletion(viewer, viewer.organizationId)) {")).toHaveLength(1);
    expect(roleChecksIn("const wide = seesWholeOrganization(viewer);")).toHaveLength(1);
    expect(roleChecksIn('if ("chairman" === action.role) return;')).not.toEqual([]);
    expect(roleChecksIn("if (!isChairman(viewer)) return;")).toHaveLength(1);
    expect(roleChecksIn('if (!canCoordinate(c.get("viewer"))) return render.notFound(c);')).toHaveLength(1);
    expect(
      roleChecksIn(
        'import {\n  canCoordinate,\n  type Role,\n} from "../../domain/milestones/index.js";\nconst x = 1;',
      ),
    ).toEqual(["line 1: a domain permission imported"]);
    // A composer filter named for its gate, asking the service, is how the bot gates a feature.
    expect(roleChecksIn("export function canCoordinate(ctx: BoundContext): boolean {")).toEqual([]);
    expect(roleChecksIn("const office = bound.filter(canCoordinate);\nif (canCoordinate(ctx)) next();")).toEqual([]);
    // Asking the service is not a role check.
    expect(roleChecksIn("if (!capabilitiesOf(viewer).coordinate) return render.notFound(c);")).toEqual([]);
    expect(roleChecksIn("if (!belongsToUnit(action.role)) return issue(ctx, action.role, null);")).toEqual([]);
  });

  it("are in no handler, page or feature of the bot and the web", () => {
    const files = [...sourceFiles("src/bot"), ...sourceFiles("src/web")];
    expect(files.length).toBeGreaterThan(40);
    const found = files.flatMap((file) =>
      roleChecksIn(readFileSync(join(ROOT, file), "utf8")).map((c) => `${file} ${c}`),
    );
    expect(found).toEqual([]);
  });
});

describe("bound contexts", () => {
  it("are typed by the composer they run in, never cast", () => {
    const casts = sourceFiles("src").filter((file) =>
      /\bas\s+BoundContext\b/.test(readFileSync(join(ROOT, file), "utf8")),
    );
    expect(casts).toEqual([]);
    expect(/\bas\s+BoundContext\b/.test("const bound = ctx as BoundContext;")).toBe(true);
  });
});
