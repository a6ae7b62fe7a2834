import { describe, expect, it } from "vitest";
import { createPendingUploads, type PendingUpload } from "../../src/web/pending-uploads.js";

const upload = (personId: string, size: number): PendingUpload => ({
  personId,
  fileName: "kh.docx",
  bytes: Buffer.alloc(size),
  sha256: "0".repeat(64),
});

describe("uploads waiting for confirmation", () => {
  it("keeps one per person: a new upload replaces the person's earlier one", () => {
    const uploads = createPendingUploads({ ttlMs: 60_000, maxBytes: 1000 });
    const first = uploads.hold(upload("a", 100), 0);
    const second = uploads.hold(upload("a", 100), 1);
    expect(uploads.peek(first, "a", 2)).toBeUndefined();
    expect(uploads.peek(second, "a", 2)).toBeDefined();
    expect(uploads.heldBytes()).toBe(100);
  });

  it("holds no more than its byte limit, letting the oldest go first", () => {
    const uploads = createPendingUploads({ ttlMs: 60_000, maxBytes: 250 });
    const ids = ["a", "b", "c"].map((person, i) => uploads.hold(upload(person, 100), i));
    expect(uploads.peek(ids[0]!, "a", 3)).toBeUndefined();
    expect(uploads.peek(ids[1]!, "b", 3)).toBeDefined();
    expect(uploads.peek(ids[2]!, "c", 3)).toBeDefined();
    expect(uploads.heldBytes()).toBe(200);
  });

  it("forgets an upload after its time, gives it to its owner only, and once", () => {
    const uploads = createPendingUploads({ ttlMs: 1000, maxBytes: 1000 });
    const id = uploads.hold(upload("a", 10), 0);
    expect(uploads.take(id, "b", 1)).toBeUndefined();
    expect(uploads.take(id, "a", 1)).toBeDefined();
    expect(uploads.take(id, "a", 2)).toBeUndefined();
    const late = uploads.hold(upload("a", 10), 0);
    expect(uploads.peek(late, "a", 1000)).toBeUndefined();
    expect(uploads.heldBytes()).toBe(0);
  });
});
