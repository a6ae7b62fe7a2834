/** /rasoat asks for the day a document was received, and the day typed dates every task counted from it. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plans } from "../../db/schema.js";
import type { EmulatedMessage, SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import { type BotWorld, startBotWorld, TU_PHAP } from "../support/bot-world.js";
import { RECEIPT_NOTICE, RECEIPT_NOTICE_NUMBER } from "../support/receipt-notice.js";

let world: BotWorld;
let coordinator: SimulatedUser;
let member: SimulatedUser;
const DOCUMENT = `Thông báo số ${RECEIPT_NOTICE_NUMBER} ngày 02/12/2026 của UBND xã Gio Sơn`;

beforeAll(async () => {
  world = await startBotWorld();
  // Thursday 10/12/2026.
  world.clock.now = new Date("2026-12-10T09:00:00+07:00");
  coordinator = await world.join(301, "coordinator", undefined, { name: "Nguyễn Thị VP" });
  member = await world.join(303, "member", TU_PHAP, { name: "Trần Văn Tư" });
}, 60_000);
afterAll(async () => {
  await world.stop();
});

async function type(text: string, until: (m: EmulatedMessage) => boolean): Promise<EmulatedMessage> {
  const before = coordinator.inbox().length;
  coordinator.send(text);
  return coordinator.waitForMessage(until, { after: before, timeoutMs: 20_000 });
}

async function press(message: EmulatedMessage, label: string, until: (m: EmulatedMessage) => boolean) {
  const before = coordinator.inbox().length;
  coordinator.press(message, label);
  return coordinator.waitForMessage(until, { after: before, timeoutMs: 20_000 });
}

const receivedOn = async () =>
  (
    await world.database.client.db
      .select({ on: plans.receivedOn })
      .from(plans)
      .where(eq(plans.number, RECEIPT_NOTICE_NUMBER))
  )[0]?.on;

describe("the day of receipt in the review", () => {
  it("is asked for a document imported without it, refused before the document or in the future, and dates its tasks", async () => {
    const preview = await type(RECEIPT_NOTICE, (m) => m.text.includes("Chưa có gì được lưu"));
    expect(preview.text).toContain("2 nhiệm vụ tính hạn “kể từ ngày nhận được văn bản”");
    await press(preview, "Xác nhận", (m) => m.text.startsWith("✅ Đã lưu"));
    expect(await receivedOn()).toBeNull();

    const item = await type("/rasoat", (m) => m.text.startsWith("🧭"));
    // The document, and the office's unit nobody can be reached in: the two tasks are asked through their document,
    // not each for a date of its own.
    expect(item.text).toContain("🧭 Cần xử lý: 2 mục (mục 1/2)");
    expect(item.text).toContain(
      `📨 ${DOCUMENT}: 2 nhiệm vụ tính hạn “kể từ ngày nhận văn bản”, chưa có ngày nhận văn bản.`,
    );
    const asked = await press(item, "📨 Nhập ngày nhận", (m) => m.text.startsWith("Nhập ngày nhận văn bản"));
    expect(asked.text).toBe(`Nhập ngày nhận văn bản ${DOCUMENT} (ví dụ: 05/12/2026, hôm qua):`);

    const early = await type("1/12/2026", () => true);
    expect(early.text).toBe("Ngày nhận văn bản không được trước ngày ban hành văn bản (02/12/2026)");
    const future = await type("ngày mai", () => true);
    expect(future.text).toContain("Ngày nhận văn bản “ngày mai” là Thứ Sáu 11/12/2026, ngày chưa đến.");
    expect(await receivedOn()).toBeNull();

    const set = await type("4/12", (m) => m.text.startsWith("✅"));
    expect(set.text).toContain(
      `✅ Ngày nhận văn bản ${DOCUMENT}: Thứ Sáu 04/12/2026. 2 nhiệm vụ tính hạn từ ngày nhận`,
    );
    // Five working days from Friday 04/12 end Friday 11/12; ten days end Monday 14/12.
    expect(set.text).toContain(
      "• 1 Rà soát các thủ tục hành chính thuộc lĩnh vực hộ tịch, báo cáo Chủ tịch UBND xã: hạn 11/12/2026",
    );
    expect(set.text).toContain("• 2 Cập nhật danh mục thủ tục hành chính trên Cổng dịch vụ công: hạn 14/12/2026");
    expect(await receivedOn()).toBe("2026-12-04");

    const next = await coordinator.waitForMessage((m) => m.text.startsWith("🧭") || m.text.startsWith("✅ Không"), {
      after: coordinator.inbox().indexOf(set) + 1,
      timeoutMs: 20_000,
    });
    expect(next.text).toContain("🧭 Cần xử lý: 1 mục (mục 1/1)");
    expect(next.text).not.toContain("📨");

    // The lead unit hears of its due day as of any date set in review.
    const told = await member.waitForMessage((m) => m.text.includes("11/12/2026"), { timeoutMs: 20_000 });
    expect(told.text).toContain("📅 Hạn nhiệm vụ 1");
    expect(told.text).toContain(TU_PHAP);
  }, 90_000);

  it("refuses a day before the document typed under its preview, which still waits for its confirmation", async () => {
    const other = RECEIPT_NOTICE.replace(RECEIPT_NOTICE_NUMBER, "33/TB-UBND");
    const preview = await type(other, (m) => m.text.includes("Chưa có gì được lưu"));
    expect(preview.text).toContain("2 nhiệm vụ tính hạn “kể từ ngày nhận được văn bản”");
    const refused = await type("01/12/2026", () => true);
    expect(refused.text).toBe("Ngày nhận văn bản không được trước ngày ban hành văn bản (02/12/2026)");
    const again = await type("03/12/2026", (m) => m.text.includes("Chưa có gì được lưu"));
    expect(again.text).toContain("Ngày nhận văn bản: 03/12/2026");
    await press(again, "Hủy", () => true);
  }, 60_000);
});
