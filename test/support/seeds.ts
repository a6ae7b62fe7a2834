import { readdirSync, readFileSync } from "node:fs";
import { fixturesDir } from "./fixtures.js";

/** File names of the five seed plans. */
export const seedFiles = readdirSync(new URL("seeds/", fixturesDir)).filter((f) => f.endsWith(".txt"));

export function readSeed(prefix: string): { fileName: string; text: string } {
  const fileName = seedFiles.find((f) => f.startsWith(prefix));
  if (!fileName) throw new Error(`no seed ${prefix}`);
  return { fileName, text: readFileSync(new URL(`seeds/${fileName}`, fixturesDir), "utf8") };
}

export const seedPath = (fileName: string): string => new URL(`seeds/${fileName}`, fixturesDir).pathname;
