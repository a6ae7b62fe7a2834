/** The notices of a bot action go through the delivery service, which marks people who blocked the bot and tells the coordinators. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personChannels } from "../../db/schema.js";
import type { SimulatedUser } from "../../src/dev/bot-api-emulator.js";
import { type BotWorld, startBotWorld, TU_PHAP } from "../support/bot-world.js";

let world: BotWorld;
let coordinator: SimulatedUser;
let member: SimulatedUser;
beforeAll(async () => {
  world = await startBotWorld();
  coordinator = await world.join(301, "coordinator", undefined, { name: "Điều phối viên" });
  await world.join(302, "coordinator", undefined, { name: "Điều phối đã chặn bot" });
  member = await world.join(303, "member", TU_PHAP, { name: "Trần Văn Tư" });
}, 60_000);
afterAll(async () => {
  await world.stop();
});

const unreachableSince = async (chatId: number) => {
  const [row] = await world.database.client.db
    .select({ since: personChannels.unreachableSince })
    .from(personChannels)
    .where(and(eq(personChannels.channel, "telegram"), eq(personChannels.chatId, String(chatId))));
  return row?.since ?? null;
};

describe("the notice of a bot action", () => {
  it("reaches the others and marks a coordinator who blocked the bot unreachable", async () => {
    world.emulator.block(302);
    const before = world.emulator.stats.forbidden;
    const seen = coordinator.inbox().length;
    const list = await (async () => {
      const count = member.inbox().length;
      member.send("/viec");
      return member.waitForMessage(() => true, { after: count });
    })();
    member.press(list, "✅ 1. Đã hoàn thành");
    await coordinator.waitForMessage((m) => m.text.includes("báo hoàn thành"), { after: seen });
    await expect.poll(() => unreachableSince(302), { timeout: 5000 }).not.toBeNull();
    expect(await unreachableSince(301)).toBeNull();
    expect(world.emulator.stats.forbidden).toBe(before + 1);
    // Nobody reaches the blocked coordinator any more: the others are told to call, once.
    const warning = await coordinator.waitForMessage((m) => m.text.includes("Điều phối đã chặn bot"), { after: seen });
    expect(warning.text).toContain("Không gửi được nhắc việc");
    await world.events.tick();
    expect(coordinator.inbox().filter((m) => m.text.includes("Điều phối đã chặn bot")).length).toBe(1);
  });
});
