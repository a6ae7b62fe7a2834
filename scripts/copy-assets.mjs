// The files the built code reads beside itself (through import.meta.url): message
// catalogs, migrations and the demo's plan. tsc copies only code.
import { cpSync } from "node:fs";

const assets = ["src/i18n/locales", "db/migrations", "src/dev/demo-plan.txt"];
for (const asset of assets) cpSync(asset, `dist/${asset}`, { recursive: true });
console.log(`copied ${assets.length} assets into dist/`);
