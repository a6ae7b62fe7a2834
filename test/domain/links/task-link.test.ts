import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  constantTimeEqual,
  InvalidTaskLinkClaimsError,
  signTaskLink,
  TASK_LINK_TOKEN_LENGTH,
  type TaskLinkMac,
  verifyTaskLink,
} from "../../../src/domain/links/index.js";

const macWith =
  (secret: string): TaskLinkMac =>
  (payload) =>
    createHmac("sha256", secret).update(payload).digest();
const mac = macWith("a-secret-of-the-office-32-chars-long!!");
const claims = {
  personId: "0b6f6c1e-5d7a-4c59-9a51-0f2f7d0d9a11",
  milestoneId: "c3d1a0f4-8e2b-4f6a-b1c9-77e5a2d4c8f0",
  expiresAt: new Date("2026-12-07T00:00:00Z"),
};
const now = new Date("2026-11-30T08:00:00Z");

/** The token with one character changed to another of the alphabet. */
function flip(token: string, at: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const next = alphabet[(alphabet.indexOf(token[at]!) + 1) % 64]!;
  return token.slice(0, at) + next + token.slice(at + 1);
}

describe("task links", () => {
  it("gives a short URL-safe token that verifies back to the same person, milestone and expiry", () => {
    const token = signTaskLink(claims, mac);
    expect(token).toHaveLength(TASK_LINK_TOKEN_LENGTH);
    expect(TASK_LINK_TOKEN_LENGTH).toBe(70);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(verifyTaskLink(token, mac, now)).toEqual({ ok: true, claims });
  });

  it("refuses a token signed with another secret as forged", () => {
    const token = signTaskLink(claims, macWith("another-office-secret-32-characters"));
    expect(verifyTaskLink(token, mac, now)).toEqual({ ok: false, reason: "forged" });
  });

  it("refuses any token changed in one character: person, milestone, expiry or signature", () => {
    const token = signTaskLink(claims, mac);
    for (let at = 0; at < token.length; at++) {
      const result = verifyTaskLink(flip(token, at), mac, now);
      expect(result.ok, `character ${at}`).toBe(false);
    }
  });

  it("refuses a token at and after its expiry, and says whose it was", () => {
    const token = signTaskLink(claims, mac);
    expect(verifyTaskLink(token, mac, new Date(claims.expiresAt.getTime() - 1000)).ok).toBe(true);
    expect(verifyTaskLink(token, mac, claims.expiresAt)).toEqual({ ok: false, reason: "expired", claims });
    expect(verifyTaskLink(token, mac, new Date("2027-01-01T00:00:00Z"))).toMatchObject({ reason: "expired" });
  });

  it("refuses tokens of the wrong length or alphabet as malformed", () => {
    const token = signTaskLink(claims, mac);
    for (const bad of ["", token.slice(1), `${token}A`, `${token.slice(0, -1)}=`, token.replace(/^./, "+")]) {
      expect(verifyTaskLink(bad, mac, now)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("refuses to sign what it cannot carry", () => {
    expect(() => signTaskLink({ ...claims, personId: "42" }, mac)).toThrow(InvalidTaskLinkClaimsError);
    expect(() => signTaskLink({ ...claims, expiresAt: new Date(Number.NaN) }, mac)).toThrow(InvalidTaskLinkClaimsError);
    expect(() => signTaskLink({ ...claims, expiresAt: new Date("2200-01-01T00:00:00Z") }, mac)).toThrow(
      InvalidTaskLinkClaimsError,
    );
  });

  it("round-trips any claims and refuses any other string (property)", () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.uuid(),
        fc.integer({ min: 1, max: 0xffffffff }),
        fc.string({ maxLength: 90 }),
        (personId, milestoneId, seconds, junk) => {
          const expiresAt = new Date(seconds * 1000);
          const token = signTaskLink({ personId, milestoneId, expiresAt }, mac);
          expect(verifyTaskLink(token, mac, new Date(0))).toEqual({
            ok: true,
            claims: { personId: personId.toLowerCase(), milestoneId: milestoneId.toLowerCase(), expiresAt },
          });
          if (junk !== token) expect(verifyTaskLink(junk, mac, new Date(0)).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("constantTimeEqual", () => {
  it("is true only for equal bytes of equal length", () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([]), new Uint8Array([]))).toBe(true);
  });
});
