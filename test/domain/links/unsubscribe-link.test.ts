import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "../../../src/domain/links/index.js";

const mac = (payload: Uint8Array) => createHmac("sha256", "k".repeat(40)).update(payload).digest();
const otherMac = (payload: Uint8Array) => createHmac("sha256", "o".repeat(40)).update(payload).digest();
const ROW = "0b4a2f6e-3c1d-4e5f-8a9b-0c1d2e3f4a5b";

describe("unsubscribe tokens", () => {
  it("name the channel row they were made for", () => {
    const token = signUnsubscribeToken(ROW, mac);
    expect(token).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{22}$/);
    expect(verifyUnsubscribeToken(token, mac)).toBe(ROW);
  });

  it("refuse another secret, another row, and anything malformed", () => {
    const token = signUnsubscribeToken(ROW, mac);
    expect(verifyUnsubscribeToken(token, otherMac)).toBeNull();
    const [, signature] = token.split(".");
    expect(verifyUnsubscribeToken(`1b4a2f6e-3c1d-4e5f-8a9b-0c1d2e3f4a5b.${signature}`, mac)).toBeNull();
    expect(verifyUnsubscribeToken(`${token}.x`, mac)).toBeNull();
    expect(verifyUnsubscribeToken("not-a-token", mac)).toBeNull();
    expect(verifyUnsubscribeToken(`${ROW}.`, mac)).toBeNull();
  });
});
