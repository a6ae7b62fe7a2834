#!/usr/bin/env node
// Runs the built CLI (`npm run build` writes dist/). Development runs the sources through tsx instead: `npm run cli`.
import { existsSync } from "node:fs";

const entry = new URL("../dist/src/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  console.error("nhacviec: the built code is missing (dist/src/cli/main.js). Run `npm run build` first.");
  process.exit(1);
}
await import(entry.href);
