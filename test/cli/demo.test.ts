import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runDemo } from "../../src/dev/demo-script.js";

const run = promisify(execFile);

/** A node child that spins on the CPU: a busy machine beside the demo. */
function startCpuHog(): () => void {
  const child = spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
  return () => child.kill("SIGKILL");
}

describe("npm run demo", () => {
  it("plays the first weeks of seed 000 with no database or Redis server, ends by itself, and prints the same chats every run", async () => {
    // Addresses where nothing listens: the demo must not need them.
    const env = {
      ...process.env,
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      REDIS_URL: "redis://127.0.0.1:1",
      LOG_LEVEL: "silent",
    };
    // Two runs at once, beside a CPU hog: `npm run demo`'s own process (it must end by itself) and one in this
    // process, whose timers compete with this test's. Each one's timing differs; the chats may not.
    const stopHog = startCpuHog();
    let inProcess = "";
    const [{ stdout }] = await Promise.all([
      run(process.execPath, ["--import", "tsx", "src/dev/demo.ts"], { env, maxBuffer: 10_000_000 }),
      runDemo((text) => {
        inProcess += text;
      }),
    ]).finally(stopHog);
    expect(inProcess).toBe(stdout);

    expect(stdout).toContain("39 việc");
    expect(stdout).toContain("Bạn đã được kết nối với UBND xã Gio Sơn");
    expect(stdout).toMatch(/🔔 Nhắc việc: \d+ việc/);
    expect(stdout).toContain("Đã lưu minh chứng “BC-danh-gia-CCHC-2024.pdf”");
    expect(stdout).toContain("✔️ Đã duyệt (Nguyễn Thị Lan)");
    expect(stdout).toContain("1. Đã quá hạn: III.1");
    expect(stdout).toContain("Quá hạn, cần chỉ đạo: III.1");
    expect(stdout).toContain("📊 Tổng hợp tuần 10/03/2025");
    expect(stdout).toMatch(/Hết demo: \d+ tin nhắn của bot/);
    // The Monday digest and its chart go out at 08:00 on the Monday, not later.
    const monday = stdout.split(/\n(?=\n──)/).find((day) => day.includes("Thứ Hai 10/03/2025")) ?? "";
    expect(monday).toMatch(/\[08:00\] 🤖 → Lê Văn Hùng[^\n]*\n {4}📊 Tổng hợp tuần 10\/03\/2025/);
    expect(monday).toMatch(/\[08:00\] 🤖 → Lê Văn Hùng[^\n]*\n {4}Tiến độ theo đơn vị – tuần 10\/03\/2025/);
    // Random secrets print as placeholders, so two runs compare byte for byte.
    expect(stdout).toContain("👤 Lê Văn Hùng (Chủ tịch UBND): /start ‹mã mời›");
    // The fifth person is on Zalo: joined by sending the invite code, reminded there with a link per task.
    expect(stdout).toContain("👤 Võ Thị Mai (công chức Tư pháp, Zalo)");
    const onZalo = stdout.split(/\n(?=\[\d\d:\d\d\] )/).filter((block) => block.includes("🤖 Zalo → Võ Thị Mai"));
    expect(onZalo.some((block) => block.includes("Bạn đã được kết nối"))).toBe(true);
    const zaloReminders = onZalo.filter((block) => /🔔 Nhắc việc: \d+ việc/.test(block));
    expect(zaloReminders.length).toBeGreaterThan(0);
    expect(zaloReminders[0]).toContain("🔗 http://localhost:8080/t/‹liên-kết-ký-riêng›");

    // Task I.1's lead ("Vp UBND") has nobody: from its first reminder on, the coordinator gets them, marked.
    const messages = stdout.split(/\n(?=\[\d\d:\d\d\] )/).filter((block) => block.includes("🤖 →"));
    const aboutI1 = messages.filter((block) => /\d+\. [^\n]*: I\.1 Xây dựng và ban hành/.test(block));
    expect(aboutI1.length).toBeGreaterThanOrEqual(6);
    const first = aboutI1[0]!;
    expect(first).toContain("🤖 → Nguyễn Thị Lan");
    expect(first).toMatch(/I\.1 Xây dựng và ban hành[^\n]*Chưa có người nhận ở [^\n]*Vp UBND[^\n]*hãy mời người nhận/);
    const beforeCoordinatorsStep = aboutI1.filter((block) => !block.includes("Quá hạn, cần chỉ đạo: I.1"));
    for (const block of beforeCoordinatorsStep) expect(block).toMatch(/I\.1 [^\n]*Chưa có người nhận ở [^\n]*Vp UBND/);
    // Its due day (28/01/2025) is in the Tết break: the due-day send says so instead of "today".
    expect(stdout).toMatch(/Đến hạn Thứ Ba 28\/01\/2025: I\.1 [^\n]*\(nghỉ Tết Nguyên đán Ất Tỵ\)/);
    expect(stdout).not.toMatch(/Đến hạn hôm nay: I\.1 /);
  }, 600_000);
});
