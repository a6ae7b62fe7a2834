/**
 * The Node the image runs is one package.json promises: `engines` names the
 * oldest Node the locked packages accept (CI runs that floor), and the
 * Dockerfile's images run a major at or above it: Node 22, the maintained LTS,
 * since Node 20 left maintenance in April 2026.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const packageJson = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};

/** "20.19.0" → [20, 19, 0]. */
const versionOf = (text: string) => text.split(".").map(Number) as [number, number, number];

describe("the Node version", () => {
  const floor = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(packageJson.engines.node);

  it("is a floor in engines, and the Dockerfile's images run a major at or above it", () => {
    expect(floor).not.toBeNull();
    const images = [...readFileSync("Dockerfile", "utf8").matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(images.length).toBeGreaterThan(0);
    for (const major of images) expect(major).toBeGreaterThanOrEqual(Number(floor?.[1]));
  });

  it("is accepted by every locked package that names a simple lower bound", () => {
    const [major, minor] = [Number(floor?.[1]), Number(floor?.[2])];
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = !entry.engines || Array.isArray(entry.engines) ? undefined : entry.engines.node;
      // Alternatives ("^18 || >=20"): the bound of the alternative that covers the floor's major.
      const bounds = (range ?? "").split("||").map((part) => /^\s*(?:>=|\^)\s*(\d+)(?:\.(\d+))?/.exec(part));
      const covering = bounds.filter((m) => m !== null && Number(m[1]) <= major);
      if (range === undefined || bounds.some((m) => m === null) || covering.length === 0) {
        if (range !== undefined && bounds.every((m) => m !== null)) refused.push(`${path}: ${range}`);
        continue;
      }
      const ok = covering.some((m) => {
        const [bMajor, bMinor] = versionOf(`${m?.[1]}.${m?.[2] ?? 0}.0`);
        return bMajor < major || (bMajor === major && bMinor <= minor);
      });
      if (!ok) refused.push(`${path}: ${range}`);
    }
    expect(refused).toEqual([]);
  });
});
