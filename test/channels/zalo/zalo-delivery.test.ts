import { afterEach, describe, expect, it } from "vitest";
import {
  deliverZaloNotification,
  ZaloPartialDeliveryError,
  zaloPartsOf,
} from "../../../src/channels/zalo/zalo-delivery.js";
import { createZaloClient } from "../../../src/channels/zalo/zalo-client.js";
import { startZaloApiEmulator, type ZaloApiEmulator } from "../../../src/dev/zalo-api-emulator.js";
import { splitMessage } from "../../../src/domain/messages/index.js";

let api: ZaloApiEmulator | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const longReminder = Array.from(
  { length: 90 },
  (_, i) => `🟡 ${i + 1}. I.${i + 1} Công khai thủ tục hành chính — Hạn: 20/12/2026 · https://office.example/t/${i}`,
).join("\n");

describe("deliverZaloNotification", () => {
  it("sends the chart first, then the text in parts under 2,000 characters", async () => {
    api = await startZaloApiEmulator();
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    const person = api.user();
    person.send("việc");
    const notification = { chatId: person.id, text: longReminder, photoUrl: "https://office.example/chart.png" };
    const result = await deliverZaloNotification(client, notification);
    const textParts = splitMessage(longReminder);
    expect(textParts.length).toBeGreaterThan(2);
    expect(result.partsTotal).toBe(textParts.length + 1);
    expect(result.messageIds).toHaveLength(textParts.length + 1);
    expect(person.inbox().map((m) => m.photoUrl ?? m.text)).toEqual(["https://office.example/chart.png", ...textParts]);
  });

  it("resumes after a failure half-way without sending any part twice", async () => {
    api = await startZaloApiEmulator({ perChatIntervalMs: 400 });
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot, maxUnnamedWaitSeconds: 1 });
    const person = api.user();
    person.send("việc");
    const notification = { chatId: person.id, text: longReminder };
    const total = zaloPartsOf(notification).length;
    let alreadySent = 0;
    for (let attempt = 0; attempt < total * 3; attempt++) {
      try {
        await deliverZaloNotification(client, notification, { alreadySent });
        break;
      } catch (error) {
        expect(error).toBeInstanceOf(ZaloPartialDeliveryError);
        const partial = error as ZaloPartialDeliveryError;
        expect(partial.failure.kind).toBe("rate-limited");
        expect(partial.partsSent).toBeGreaterThan(alreadySent);
        alreadySent = partial.partsSent;
        await new Promise((resolve) => setTimeout(resolve, 450));
      }
    }
    expect(api.stats.tooManyRequests).toBeGreaterThan(0);
    expect(person.inbox().map((m) => m.text)).toEqual(splitMessage(longReminder));
  });

  it("stops at once for a person who blocked the bot, saying nothing was sent", async () => {
    api = await startZaloApiEmulator();
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    const person = api.user();
    person.send("việc");
    person.block();
    const error = await deliverZaloNotification(client, { chatId: person.id, text: longReminder }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ZaloPartialDeliveryError);
    expect(error).toMatchObject({ partsSent: 0, failure: { kind: "unreachable" } });
    expect(api.stats.blocked).toBe(1);
  });

  it("sends nothing for blank text and no chart", async () => {
    api = await startZaloApiEmulator();
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    expect(await deliverZaloNotification(client, { chatId: "e0000000000000000001", text: " \n " })).toEqual({
      messageIds: [],
      partsTotal: 0,
    });
    expect(api.messages).toHaveLength(0);
  });
});
