import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createZaloClient } from "../../src/channels/zalo/zalo-client.js";
import { startZaloApiEmulator, type ZaloApiEmulator } from "../../src/dev/zalo-api-emulator.js";

let api: ZaloApiEmulator | undefined;
const closers: Array<() => void> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await api?.close();
  api = undefined;
});

describe("the Zalo API emulator", () => {
  it("counts the 2,000-character limit in characters, not UTF-16 units", async () => {
    api = await startZaloApiEmulator();
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    const person = api.user();
    person.send("việc");
    await client.sendMessage(person.id, "😀".repeat(2000));
    await expect(client.sendMessage(person.id, "😀".repeat(2001))).rejects.toMatchObject({ errorCode: 400 });
    expect(api.stats).toMatchObject({ accepted: 1, tooLong: 1 });
  });

  it("keeps one person per id, and enforces the gap between two messages to one chat", async () => {
    api = await startZaloApiEmulator({ perChatIntervalMs: 10_000 });
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    api.user("e00000000000000000aa", { displayName: "Lê Văn C" }).send("việc");
    const again = api.user("e00000000000000000aa");
    expect(again.displayName).toBe("Lê Văn C");
    await client.sendMessage(again.id, "một");
    await expect(client.sendMessage(again.id, "hai")).rejects.toMatchObject({
      errorCode: 429,
      failure: { kind: "rate-limited" },
    });
  });

  it("moves updates waiting for getUpdates to a new webhook, and retries a webhook that fails", async () => {
    api = await startZaloApiEmulator();
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    const person = api.user();
    person.send("trước webhook");
    let calls = 0;
    const server = createServer((_request, response) => {
      calls++;
      response.statusCode = calls === 1 ? 500 : 200;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(() => {
      server.closeAllConnections();
      server.close();
    });
    await client.setWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo`, "secret-secret");
    await expect.poll(() => api!.webhookDeliveries.map((d) => d.status), { timeout: 5000 }).toEqual([500, 200]);
    await expect(client.setWebhook("ftp://office.example/zalo", "secret-secret")).rejects.toMatchObject({
      errorCode: 400,
    });
  });
});
