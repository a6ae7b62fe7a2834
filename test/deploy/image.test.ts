/**
 * The image and the compose file as operators expect them (issue 26): read as
 * text, no Docker needed. A setting added to the config and forgotten in the
 * compose file, a password written into it, or the web port published on every
 * interface fails here.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config.js";

const dockerfile = readFileSync(new URL("../../Dockerfile", import.meta.url), "utf8");
const compose = readFileSync(new URL("../../docker-compose.yml", import.meta.url), "utf8");

/** The lines of the final stage of the Dockerfile (after its last FROM). */
const finalStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));

/** `KEY: value` lines of the top-level mapping `name:` of the compose file (two-space indented). */
function mapping(name: string): Map<string, string> {
  const lines = compose.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`${name}:`));
  expect(start, `${name} in docker-compose.yml`).toBeGreaterThanOrEqual(0);
  const entries = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const match = /^ {2}([A-Z_][A-Z0-9_]*): ?(.*)$/.exec(line);
    if (!match) break;
    entries.set(match[1] as string, match[2] as string);
  }
  return entries;
}

describe("the Docker image", () => {
  it("runs Node 22 as a non-root user under an init that reaps LibreOffice's children", () => {
    expect(finalStage).toMatch(/^\nFROM node:22[-.\w]*\s*$/m);
    const users = [...finalStage.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(["root", "0"]).not.toContain(users.at(-1));
    expect(finalStage).toMatch(/apt-get install[^\n]*(\\\n[^\n]*)*\btini\b/);
    expect(finalStage).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"/m);
  });

  it("checks its health on /healthz and carries the fonts the reports name", () => {
    expect(finalStage).toMatch(/^HEALTHCHECK [\s\S]*\/healthz/m);
    // Times New Roman itself, or its metric twin Liberation Serif (fonts-liberation) or a crosextra font.
    expect(finalStage).toMatch(/\b(fonts-liberation2?|fonts-crosextra-[a-z]+|ttf-mscorefonts-installer)\b/);
  });
});

describe("docker-compose.yml", () => {
  const environment = mapping("x-app-environment");

  it("passes every setting of the config through to the app and the workers", () => {
    const missing = Object.keys(configSchema.shape).filter((key) => !environment.has(key));
    expect(missing).toEqual([]);
    expect(compose.match(/environment: \*app-environment/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it("writes no password: each comes from the environment and is required", () => {
    expect(environment.get("DATABASE_URL")).toMatch(/^postgres:\/\/nhacviec:\$\{POSTGRES_PASSWORD:\?[^}]*\}@/);
    const passwords = [...compose.matchAll(/^\s*([A-Z_]*PASSWORD[A-Z_]*):\s*(.*)$/gm)];
    expect(passwords.length).toBeGreaterThan(0);
    for (const [, , value] of passwords) expect(value).toMatch(/^\$\{[A-Z_]+:\?[^}]*\}$/);
  });

  it("publishes the web port on 127.0.0.1 unless told otherwise", () => {
    const ports = [...compose.matchAll(/^\s+- "([^"]+:8080)"$/gm)].map((m) => m[1] as string);
    expect(ports).toHaveLength(1);
    expect(ports[0]).toMatch(/^(127\.0\.0\.1|\$\{[A-Z_]+:-127\.0\.0\.1\}):/);
  });

  it("keeps Redis on disk and never lets it evict a queue's key", () => {
    expect(compose).toMatch(/redis-server"[^\n]*"--appendonly", "yes"/);
    expect(compose).toMatch(/"--maxmemory-policy", "noeviction"/);
  });
});
