/**
 * `/tonghop tắt` and `/tonghop bật`: a person stops and resumes their own
 * weekly digest from the chat (real Postgres, the bot behind the Bot API
 * emulator); the weekly send then skips them and still reaches the others.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personChannels } from "../../db/schema.js";
import { createMemoryRateLimiter } from "../../jobs/memory-rate-limiter.js";
import { createTelegramNotifier } from "../../src/channels/telegram/telegram-notifier.js";
import type { SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import { sendWeeklyIfDue } from "../../src/services/delivery/weekly-sends.js";
import { ask, type BotWorld, startBotWorld } from "../support/bot-world.js";
import { silentLogger } from "../support/database.js";

let world: BotWorld;
let chairman: SimulatedUser;
let viceChairman: SimulatedUser;

beforeAll(async () => {
  world = await startBotWorld();
  chairman = await world.join(300, "chairman", undefined, { name: "Chủ tịch Lê Văn A" });
  // The office's default: the weekly digest goes to its leaders.
  viceChairman = await world.join(301, "chairman", undefined, { name: "Phó Chủ tịch Hồ Thị B" });
}, 60_000);
afterAll(async () => {
  await world.stop();
});

const stoppedRows = () =>
  world.database.client.db
    .select({ personId: personChannels.personId })
    .from(personChannels)
    .where(
      and(eq(personChannels.organizationId, world.organizationId), isNotNull(personChannels.digestUnsubscribedAt)),
    );

describe("the weekly digest switched off and on from the chat", () => {
  it("stops the chairman's weekly digest alone, says so once, and the week's send skips only him", async () => {
    expect((await ask(chairman, "/tonghop tắt")).text).toContain("Đã thôi gửi báo cáo tổng hợp hằng tuần cho bạn");
    expect((await ask(chairman, "/tonghop tat")).text).toContain(
      "Bạn đã thôi nhận báo cáo tổng hợp hằng tuần từ trước",
    );
    expect(await stoppedRows()).toHaveLength(1);

    const deps = {
      db: world.database.client.db,
      notifier: createTelegramNotifier("123:TEST", { apiRoot: world.emulator.apiRoot }),
      limiter: createMemoryRateLimiter({ perSecond: 5000, perChatIntervalMs: 0 }),
      logger: silentLogger,
      now: () => world.clock.now,
    };
    const before = world.emulator.messages.length;
    expect(await sendWeeklyIfDue(deps, world.organizationId)).not.toBeNull();
    const digests = world.emulator.messages.slice(before).filter((m) => m.text.startsWith("📊"));
    expect(digests.map((m) => m.chatId)).toEqual([301]);
    // On demand it still comes: only the weekly send stopped.
    const asked = chairman.inbox().length;
    expect((await ask(chairman, "/tonghop")).text).toContain("📊 Tổng hợp tuần");
    await chairman.waitForMessage((m) => m.text.startsWith("Tiến độ theo đơn vị"), { after: asked });
    expect(viceChairman.inbox().some((m) => m.text.startsWith("📊"))).toBe(true);
  });

  it("resumes it with /tonghop bật, and names what it does not understand", async () => {
    expect((await ask(chairman, "/tonghop bật lại")).text).toContain("Đã bật lại báo cáo tổng hợp hằng tuần");
    expect(await stoppedRows()).toEqual([]);
    expect((await ask(chairman, "/tonghop Bật")).text).toContain("Bạn đang nhận báo cáo tổng hợp hằng tuần");
    expect((await ask(chairman, "/tonghop tuần trước")).text).toContain("Chưa hiểu “tuần trước”");
  });
});
