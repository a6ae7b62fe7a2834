import { describe, expect, it } from "vitest";
import { createTaskLinkMac } from "../../src/channels/task-link-mac.js";
import { signTaskLink, verifyTaskLink } from "../../src/domain/links/index.js";

const claims = {
  personId: "0b6f6c1e-5d7a-4c59-9a51-0f2f7d0d9a11",
  milestoneId: "c3d1a0f4-8e2b-4f6a-b1c9-77e5a2d4c8f0",
  expiresAt: new Date("2026-12-07T00:00:00Z"),
};

describe("createTaskLinkMac", () => {
  it("signs links that verify under the same secret only", () => {
    const office = createTaskLinkMac("k".repeat(32));
    const token = signTaskLink(claims, office);
    expect(verifyTaskLink(token, createTaskLinkMac("k".repeat(32)), new Date("2026-12-01T00:00:00Z"))).toEqual({
      ok: true,
      claims,
    });
    expect(verifyTaskLink(token, createTaskLinkMac("j".repeat(32)), new Date("2026-12-01T00:00:00Z"))).toEqual({
      ok: false,
      reason: "forged",
    });
  });

  it("refuses a secret short enough to guess", () => {
    expect(() => createTaskLinkMac("short")).toThrow(RangeError);
  });
});
