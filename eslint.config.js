// Lint rules: typescript-eslint's type-aware set, because a floating promise in a
// worker or bot handler loses a reminder silently; and the layers of
// docs/spec/style.md, so an arrow pointing the wrong way fails CI instead of
// waiting for a reviewer.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Libraries that do I/O or hold process state: none of them belongs in the pure domain. */
const ioLibraries = [
  "grammy",
  "@grammyjs/*",
  "bullmq",
  "ioredis",
  "drizzle-orm",
  "drizzle-orm/*",
  "postgres",
  "@electric-sql/pglite",
  "@electric-sql/pglite/*",
  "pino",
  "exceljs",
  "mammoth",
  "jszip",
  "pdfjs-dist",
  "pdfjs-dist/*",
  "pureimage",
  "node:*",
  "fs",
  "path",
  "child_process",
  "http",
  "https",
  "net",
];

/**
 * One `no-restricted-imports` entry per layer: the patterns it may not import.
 * @param {string[]} files
 * @param {string[]} patterns
 * @param {string} message
 */
function layer(files, patterns, message) {
  return {
    files,
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }] },
  };
}

/**
 * Front ends: the same as `layer`, but a type-only import (the Database handle they pass on) is allowed.
 * @param {string[]} files
 * @param {string[]} patterns
 * @param {string} message
 */
function frontEnd(files, patterns, message) {
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: patterns, message, allowTypeImports: true }] }],
    },
  };
}

export const layerRules = [
  layer(
    ["src/domain/**/*.ts"],
    [
      ...ioLibraries,
      "**/db/**",
      "**/jobs/**",
      "**/services/**",
      "**/bot/**",
      "**/web/**",
      "**/cli/**",
      "**/import/**",
      "**/config.js",
      "**/logger.js",
    ],
    "src/domain is pure: no I/O library, no clock, no env; the other layers call it, never the reverse.",
  ),
  layer(
    ["src/services/**/*.ts"],
    [
      "**/bot/**",
      "**/web/**",
      "**/cli/**",
      "**/jobs/**",
      "grammy",
      "@grammyjs/*",
      // The channel interface and its registry are the delivery service's; how one channel writes a
      // message (a Telegram button's payload, a Zalo text, a mail) is that channel's own.
      "**/channels/*/**",
    ],
    "Services are called by the bot, the web app, the CLI and the jobs, and reach people through the channel interface; they import none of them.",
  ),
  layer(
    ["src/import/**/*.ts"],
    ["**/bot/**", "**/web/**", "**/cli/**", "**/jobs/**", "**/services/**", "**/db/**", "grammy", "bullmq"],
    "The importer turns documents into a PlanDraft; storing and chatting are the services' and front ends' work.",
  ),
  {
    ...layer(
      ["src/channels/**/*.ts"],
      ["**/bot/**", "**/web/**", "**/cli/**", "**/jobs/**", "**/db/**", "grammy", "@grammyjs/*"],
      "A channel is how a message reaches a person; it knows no front end, job or table.",
    ),
    ignores: ["src/channels/telegram/**"],
  },
  // The Telegram channel sends through grammY's Api (its platform client), as email does through nodemailer.
  layer(
    ["src/channels/telegram/**/*.ts"],
    ["**/bot/**", "**/web/**", "**/cli/**", "**/jobs/**", "**/db/**", "@grammyjs/*"],
    "A channel is how a message reaches a person; it knows no front end, job or table.",
  ),
  layer(
    ["src/i18n/**/*.ts"],
    [
      ...ioLibraries.filter((name) => !name.startsWith("node:")),
      "**/services/**",
      "**/bot/**",
      "**/web/**",
      "**/cli/**",
      "**/jobs/**",
      "**/db/**",
      "**/channels/**",
      "**/runtime/**",
    ],
    "src/i18n holds the words; it reads the domain's shapes and imports nothing from services or front ends.",
  ),
  frontEnd(
    ["src/bot/**/*.ts", "src/web/**/*.ts"],
    ["**/db/**", "drizzle-orm", "drizzle-orm/*", "postgres", "**/jobs/**", "**/cli/**"],
    "The bot and the web app are front ends: they call services, which own queries and access checks.",
  ),
  layer(
    ["jobs/**/*.ts"],
    ["**/bot/**", "**/web/**", "**/cli/**", "grammy", "@grammyjs/*"],
    "Jobs reach people through the services' notifier, not through a front end.",
  ),
  layer(
    ["db/**/*.ts"],
    [
      "**/src/bot/**",
      "**/src/web/**",
      "**/src/cli/**",
      "**/src/services/**",
      "**/src/import/**",
      "**/src/runtime/**",
      "**/src/channels/**",
      "**/src/dev/**",
      "**/src/config.js",
      "**/jobs/**",
    ],
    "db/ holds the schema, the client and migrations; it depends on the domain's types and the logger only.",
  ),
];

export default tseslint.config(
  { ignores: ["node_modules/", "db/migrations/", "coverage/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "bin/*.js", "scripts/*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  ...layerRules,
  {
    // Short functions (docs/spec/style.md): no function in src/ over 120 lines, blank lines and comments counted.
    files: ["src/**/*.ts"],
    rules: { "max-lines-per-function": ["error", { max: 120 }] },
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    files: ["test/bench/**/*.ts", "bin/*.js", "scripts/*.mjs"],
    languageOptions: { globals: { console: "readonly", process: "readonly", URL: "readonly" } },
    rules: { "no-console": "off" },
  },
);
