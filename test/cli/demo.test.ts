import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("npm run demo", () => {
  it("plays the first weeks of seed 000 with no database or Redis server and ends by itself", async () => {
    // Addresses where nothing listens: the demo must not need them.
    const env = {
      ...process.env,
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      REDIS_URL: "redis://127.0.0.1:1",
      LOG_LEVEL: "silent",
    };
    const { stdout } = await run(process.execPath, ["--import", "tsx", "src/dev/demo.ts"], {
      env,
      maxBuffer: 10_000_000,
    });
    expect(stdout).toContain("39 việc");
    expect(stdout).toContain("Bạn đã được kết nối với UBND xã Gio Sơn");
    expect(stdout).toMatch(/🔔 Nhắc việc: \d+ việc/);
    expect(stdout).toContain("Đã lưu minh chứng “BC-danh-gia-CCHC-2024.pdf”");
    expect(stdout).toContain("✔️ Đã duyệt (Nguyễn Thị Lan)");
    expect(stdout).toContain("1. Đã quá hạn: III.1");
    expect(stdout).toContain("Quá hạn, cần chỉ đạo: III.1");
    expect(stdout).toContain("📊 Tổng hợp tuần 10/03/2025");
    expect(stdout).toMatch(/Hết demo: \d+ tin nhắn của bot/);
  }, 120_000);
});
