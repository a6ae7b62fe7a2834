import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  classifyZaloError,
  createZaloClient,
  isZaloBotToken,
  parseZaloWebhookUpdate,
  ZALO_WEBHOOK_SECRET_HEADER,
  ZaloApiError,
  zaloFailureOf,
  ZaloNetworkError,
  type ZaloUpdate,
} from "../../../src/channels/zalo/zalo-client.js";
import { startZaloApiEmulator, type ZaloApiEmulator } from "../../../src/dev/zalo-api-emulator.js";
import { splitMessage } from "../../../src/domain/messages/index.js";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function emulator(options: Parameters<typeof startZaloApiEmulator>[0] = {}): Promise<ZaloApiEmulator> {
  const started = await startZaloApiEmulator(options);
  cleanup.push(() => started.close());
  return started;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanup.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function failureOf(promise: Promise<unknown>): Promise<ZaloApiError | ZaloNetworkError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ZaloApiError || error instanceof ZaloNetworkError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("classifyZaloError", () => {
  it.each([
    [429, "Quota exceeded", undefined, { kind: "rate-limited", retryAfterSeconds: 30 }],
    [429, "Quota exceeded", 7, { kind: "rate-limited", retryAfterSeconds: 7 }],
    [404, "Not Found", undefined, { kind: "unreachable" }],
    [403, "Forbidden: the user has blocked this bot", undefined, { kind: "unreachable" }],
    [403, "Internal server error", undefined, { kind: "transient" }],
    [500, "Internal Server Error", undefined, { kind: "transient" }],
    [408, "Request timeout", undefined, { kind: "transient" }],
    [400, "Bad Request: text must be 1 to 2000 characters", undefined, { kind: "rejected" }],
    [401, "Unauthorized", undefined, { kind: "rejected" }],
  ])("reads %i %j as %j", (code, description, retryAfter, failure) => {
    expect(classifyZaloError(code, description, retryAfter, 30)).toEqual(failure);
  });

  it("treats anything thrown that is not the client's own error as transient", () => {
    expect(zaloFailureOf(new TypeError("boom"))).toEqual({ kind: "transient" });
  });
});

describe("isZaloBotToken and parseZaloWebhookUpdate", () => {
  it("knows the {bot_id}:{secret} form", () => {
    expect(isZaloBotToken("1459232241454765289:AbC-d_9")).toBe(true);
    expect(isZaloBotToken("bot:AbC")).toBe(false);
    expect(isZaloBotToken("1459232241454765289")).toBe(false);
  });

  it("takes the update from the getUpdates envelope or bare, and nothing else", () => {
    const update = { event_name: "message.text.received", message: { text: "việc" } };
    expect(parseZaloWebhookUpdate({ ok: true, result: update })).toEqual(update);
    expect(parseZaloWebhookUpdate(update)).toEqual(update);
    expect(parseZaloWebhookUpdate({ ok: true, result: { message: {} } })).toBeNull();
    expect(parseZaloWebhookUpdate("event")).toBeNull();
    expect(parseZaloWebhookUpdate(null)).toBeNull();
  });
});

describe("the Zalo client against the emulator", () => {
  it("checks the token with getMe and refuses a wrong one as rejected", async () => {
    const api = await emulator();
    const me = await createZaloClient(api.token, { apiRoot: api.apiRoot }).getMe();
    expect(me).toMatchObject({ id: api.token.split(":")[0], account_type: "BASIC", can_join_groups: false });
    const wrong = await failureOf(createZaloClient("1:wrong", { apiRoot: api.apiRoot }).getMe());
    expect(wrong).toBeInstanceOf(ZaloApiError);
    expect(wrong).toMatchObject({ errorCode: 401, failure: { kind: "rejected" } });
  });

  it("delivers a text to a person who wrote to the bot, and a photo with its caption", async () => {
    const api = await emulator();
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    const person = api.user(undefined, { displayName: "Nguyễn Văn A" });
    person.send("xin chào");
    const sent = await client.sendMessage(person.id, "🔴 1. II.3 Báo cáo CCHC quý IV — Hạn: 15/12/2026");
    expect(sent.message_id).toMatch(/^[0-9a-f]{20}$/);
    await client.sendPhoto(person.id, "https://office.example/chart.png", "Tiến độ tuần");
    await client.sendChatAction(person.id, "typing");
    expect(person.inbox().map((m) => [m.text, m.photoUrl])).toEqual([
      ["🔴 1. II.3 Báo cáo CCHC quý IV — Hạn: 15/12/2026", undefined],
      ["Tiến độ tuần", "https://office.example/chart.png"],
    ]);
    expect(api.chatActions).toEqual([{ chatId: person.id, action: "typing" }]);
  });

  it("refuses a chat that never wrote to the bot, and a person who blocked it, as unreachable", async () => {
    const api = await emulator();
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    const stranger = api.user();
    const unknown = await failureOf(client.sendMessage(stranger.id, "Nhắc việc"));
    expect(unknown).toMatchObject({ errorCode: 404, failure: { kind: "unreachable" } });
    const person = api.user();
    person.send("việc");
    person.block();
    const blocked = await failureOf(client.sendMessage(person.id, "Nhắc việc"));
    expect(blocked).toMatchObject({ errorCode: 403, failure: { kind: "unreachable" } });
    person.unblock();
    await client.sendMessage(person.id, "Nhắc việc");
    expect(api.messages).toHaveLength(1);
    expect(api.stats).toMatchObject({ unknownChat: 1, blocked: 1, accepted: 1 });
  });

  it("refuses a text over 2,000 characters as rejected, and takes it split by splitMessage", async () => {
    const api = await emulator();
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    const person = api.user();
    person.send("việc");
    const long = Array.from({ length: 80 }, (_, i) => `🔴 ${i + 1}. Rà soát thủ tục hành chính số ${i + 1}`).join("\n");
    expect(long.length).toBeGreaterThan(2000);
    const refused = await failureOf(client.sendMessage(person.id, long));
    expect(refused).toMatchObject({ errorCode: 400, failure: { kind: "rejected" } });
    expect(person.inbox()).toHaveLength(0);
    for (const part of splitMessage(long)) await client.sendMessage(person.id, part);
    expect(person.inbox().length).toBe(splitMessage(long).length);
    expect(
      person
        .inbox()
        .map((m) => m.text)
        .join("\n"),
    ).toBe(long);
    const empty = await failureOf(client.sendMessage(person.id, ""));
    expect(empty).toMatchObject({ errorCode: 400, failure: { kind: "rejected" } });
  });

  it("answers 429 past the rate, which the client reads as rate-limited for 1 s, the refusals in flight sharing it", async () => {
    const api = await emulator({ ratePerSecond: 3 });
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot, maxUnnamedWaitSeconds: 2 });
    const people = Array.from({ length: 6 }, () => api.user());
    for (const person of people) person.send("việc");
    const results = await Promise.allSettled(people.map((person) => client.sendMessage(person.id, "Nhắc việc")));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(refused).toHaveLength(3);
    const waits = refused.map((error) => {
      expect(error).toBeInstanceOf(ZaloApiError);
      const failure = (error as ZaloApiError).failure;
      expect(failure.kind).toBe("rate-limited");
      return failure.kind === "rate-limited" ? failure.retryAfterSeconds : Number.NaN;
    });
    // All six left together: one episode, so no refusal doubled the first one's 1 s.
    for (const wait of waits) {
      expect(wait).toBeGreaterThan(0.5);
      expect(wait).toBeLessThanOrEqual(1);
    }
    expect(api.stats.tooManyRequests).toBe(3);
  });

  it("reads the emulator's random 500s as transient", async () => {
    const api = await emulator({ serverErrorRate: 1 });
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    const person = api.user();
    person.send("việc");
    expect(await failureOf(client.sendMessage(person.id, "x"))).toMatchObject({
      errorCode: 500,
      failure: { kind: "transient" },
    });
    expect(api.messages).toHaveLength(0);
  });

  it("long-polls: waits for what a person sends, one update per call, and ends empty after the timeout", async () => {
    const api = await emulator();
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    const person = api.user(undefined, { displayName: "Trần Thị B" });
    const started = Date.now();
    const poll = client.getUpdates({ timeoutSeconds: 10 });
    setTimeout(() => person.send("xong 2"), 200);
    const [update] = await poll;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(update).toMatchObject({
      event_name: "message.text.received",
      message: {
        text: "xong 2",
        from: { id: person.id, display_name: "Trần Thị B" },
        chat: { id: person.id, chat_type: "PRIVATE" },
      },
    });
    person.send("việc");
    person.sendSticker();
    const next = await client.getUpdates({ timeoutSeconds: 1 });
    const last = await client.getUpdates({ timeoutSeconds: 1 });
    expect([...next, ...last].map((u: ZaloUpdate) => u.event_name)).toEqual([
      "message.text.received",
      "message.sticker.received",
    ]);
    const quietStart = Date.now();
    expect(await client.getUpdates({ timeoutSeconds: 1 })).toEqual([]);
    expect(Date.now() - quietStart).toBeGreaterThanOrEqual(900);
  });

  it("stops a long poll on abort without losing the update that comes next", async () => {
    const api = await emulator();
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    const controller = new AbortController();
    const poll = client.getUpdates({ timeoutSeconds: 20, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect(await failureOf(poll)).toMatchObject({ name: "ZaloNetworkError", failure: { kind: "transient" } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const person = api.user();
    person.send("quá hạn");
    const [update] = await client.getUpdates({ timeoutSeconds: 2 });
    expect(update?.message?.text).toBe("quá hạn");
  });

  it("posts updates to the webhook with the secret header, and refuses getUpdates meanwhile", async () => {
    const api = await emulator();
    const client = createZaloClient(api.token, { apiRoot: api.apiRoot });
    const received: Array<{ secret: string | undefined; update: ZaloUpdate | null }> = [];
    const url = await listen(
      createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          received.push({
            secret: request.headers[ZALO_WEBHOOK_SECRET_HEADER] as string | undefined,
            update: parseZaloWebhookUpdate(JSON.parse(Buffer.concat(chunks).toString("utf8"))),
          });
          response.end("ok");
        });
      }),
    );
    const refused = await failureOf(client.setWebhook(`${url}/zalo`, "short"));
    expect(refused).toMatchObject({ errorCode: 400, failure: { kind: "rejected" } });
    const info = await client.setWebhook(`${url}/zalo`, "webhook-secret-123");
    expect(info.url).toBe(`${url}/zalo`);
    expect(await client.getWebhookInfo()).toMatchObject({ url: `${url}/zalo` });
    const person = api.user();
    person.send("giúp");
    await expect.poll(() => received.length, { timeout: 5000 }).toBe(1);
    expect(received[0]).toMatchObject({
      secret: "webhook-secret-123",
      update: { event_name: "message.text.received", message: { text: "giúp", chat: { id: person.id } } },
    });
    expect(await failureOf(client.getUpdates({ timeoutSeconds: 1 }))).toMatchObject({ errorCode: 400 });
    expect((await client.deleteWebhook()).url).toBe("");
    person.send("việc");
    const [update] = await client.getUpdates({ timeoutSeconds: 2 });
    expect(update?.message?.text).toBe("việc");
  });

  it("gives up on a server that does not answer within the timeout, without the token in the error", async () => {
    const silent = await listen(createServer(() => {}));
    const token = "1459232241454765289:VerySecretPartOfTheTokenThatMustNotLeak";
    const client = createZaloClient(token, { apiRoot: silent, timeoutMs: 200 });
    const timedOut = await failureOf(client.sendMessage("e4ea2cd5189df1c3a88c", "x"));
    expect(timedOut).toBeInstanceOf(ZaloNetworkError);
    expect(timedOut.message).toMatch(/timed out/);
    // A send that timed out may have arrived: unknown, never resent blindly; a refused connection never left.
    expect(timedOut.failure).toEqual({ kind: "unknown" });
    const closed = createZaloClient(token, { apiRoot: "http://127.0.0.1:9", timeoutMs: 2000 });
    const refused = await failureOf(closed.getMe());
    expect(refused).toMatchObject({ failure: { kind: "transient" } });
    for (const error of [timedOut, refused]) expect(`${error.message} ${error.stack}`).not.toContain("VerySecret");
  });
});
