import { afterEach, describe, expect, it } from "vitest";
import { createZaloClient, type ZaloUpdate } from "../../../src/channels/zalo/zalo-client.js";
import { isZaloWebhookSecretValid, startZaloPolling } from "../../../src/channels/zalo/zalo-updates.js";
import { startZaloApiEmulator, type ZaloApiEmulator } from "../../../src/dev/zalo-api-emulator.js";
import { silentLogger } from "../../support/database.js";

let api: ZaloApiEmulator | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe("isZaloWebhookSecretValid", () => {
  it("accepts only the exact secret", () => {
    expect(isZaloWebhookSecretValid("webhook-secret-123", "webhook-secret-123")).toBe(true);
    expect(isZaloWebhookSecretValid("webhook-secret-124", "webhook-secret-123")).toBe(false);
    expect(isZaloWebhookSecretValid("webhook-secret-1234", "webhook-secret-123")).toBe(false);
    expect(isZaloWebhookSecretValid(undefined, "webhook-secret-123")).toBe(false);
    expect(isZaloWebhookSecretValid(["webhook-secret-123"], "webhook-secret-123")).toBe(false);
  });
});

describe("startZaloPolling", () => {
  it("hands every message to the handler once, in order, going on after a handler fails", async () => {
    api = await startZaloApiEmulator();
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    const seen: string[] = [];
    const polling = startZaloPolling({
      client,
      logger: silentLogger,
      timeoutSeconds: 1,
      onUpdate: async (update: ZaloUpdate) => {
        seen.push(update.message?.text ?? update.event_name);
        if (update.message?.text === "xong 2") throw new Error("handler broke");
        await client.sendMessage(update.message!.chat.id, `đã nhận: ${update.message?.text ?? ""}`);
      },
    });
    const person = api.user();
    for (const text of ["việc", "xong 2", "quá hạn"]) person.send(text);
    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(3);
    await polling.stop();
    expect(seen).toEqual(["việc", "xong 2", "quá hạn"]);
    expect(person.inbox().map((m) => m.text)).toEqual(["đã nhận: việc", "đã nhận: quá hạn"]);
  });

  it("stops promptly in the middle of a long poll", async () => {
    api = await startZaloApiEmulator();
    const polling = startZaloPolling({
      client: createZaloClient(api.token, { apiRoot: api.apiRoot }),
      logger: silentLogger,
      timeoutSeconds: 30,
      onUpdate: () => Promise.resolve(),
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await polling.stop();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("keeps polling through API failures, waiting between tries", async () => {
    api = await startZaloApiEmulator();
    const seen: string[] = [];
    // A wrong token: every poll fails until the loop is stopped.
    let polls = 0;
    const client = createZaloClient("1:wrong", {
      apiRoot: api.apiRoot,
      fetch: (input, init) => {
        polls++;
        return fetch(input, init);
      },
    });
    const polling = startZaloPolling({
      client,
      logger: silentLogger,
      backoffMs: 100,
      onUpdate: (u) => {
        seen.push(u.event_name);
        return Promise.resolve();
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 450));
    await polling.stop();
    expect(polls).toBeGreaterThanOrEqual(3);
    expect(polls).toBeLessThanOrEqual(6);
    expect(seen).toEqual([]);
  });
});
