import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { ASSET_VERSION, STYLESHEET } from "../../src/web/assets.js";
import { chooseEncoding, compression } from "../../src/web/compression.js";
import { createWebApp } from "../../src/web/app.js";
import { silentLogger } from "../support/database.js";

const page = "<p>" + "Kế hoạch cải cách hành chính ".repeat(200) + "</p>";
const app = new Hono();
app.use(compression());
app.get("/page", (c) => c.html(page));
app.get("/small", (c) => c.html("<p>ngắn</p>"));
app.get("/file", (c) => c.body(new Uint8Array(5000), 200, { "content-type": "application/pdf" }));

describe("compression", () => {
  it("prefers brotli, falls back to gzip, honours q=0", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0.5, gzip;q=1")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });

  it("sends a page brotli- or gzip-compressed, the same text once decoded", async () => {
    const br = await app.request("/page", { headers: { "accept-encoding": "gzip, br" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toMatch(/accept-encoding/i);
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(Buffer.byteLength(page) / 5);
    expect(brotliDecompressSync(brBytes).toString()).toBe(page);

    const gz = await app.request("/page", { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(page);

    const plain = await app.request("/page");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(page);
  });

  it("leaves small answers and files that are compressed already as they are", async () => {
    const small = await app.request("/small", { headers: { "accept-encoding": "br" } });
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(await small.text()).toBe("<p>ngắn</p>");
    const file = await app.request("/file", { headers: { "accept-encoding": "br" } });
    expect(file.headers.get("content-encoding")).toBeNull();
    expect((await file.arrayBuffer()).byteLength).toBe(5000);
  });
});

describe("static assets", () => {
  const web = createWebApp({
    db: null as never, // the static routes touch no database
    logger: silentLogger,
    now: () => new Date(),
    publicUrl: "https://nhacviec.test",
    botToken: undefined,
  });

  it("keeps the fingerprinted stylesheet a year, revalidates the bare one, and answers 304 to its ETag", async () => {
    const versioned = await web.request(`/static/app.css?v=${ASSET_VERSION}`, { headers: { "accept-encoding": "br" } });
    expect(versioned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(versioned.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await versioned.arrayBuffer())).toString()).toBe(STYLESHEET);

    const bare = await web.request("/static/app.css");
    expect(bare.headers.get("cache-control")).toBe("public, max-age=3600");
    const etag = bare.headers.get("etag")!;
    const again = await web.request("/static/app.css", { headers: { "if-none-match": `W/${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });
});
