import { describe, expect, it } from "vitest";
import { catchUpJobId, QUEUE_NAMES, slotJobId } from "../../jobs/queues.js";

describe("queue names and job ids", () => {
  const organizationId = "3f2a9c1e-0000-4000-8000-000000000001";
  it("never put ':' in a queue name or a job id, which BullMQ reserves for its keys", () => {
    for (const name of Object.values(QUEUE_NAMES)) expect(name).not.toContain(":");
    expect(slotJobId(new Date("2025-09-10T08:00:00+07:00"))).not.toContain(":");
    expect(catchUpJobId(organizationId, new Date())).not.toContain(":");
  });
  it("gives sends at the same time one job, whichever organizations have them", () => {
    const a = slotJobId(new Date("2025-09-10T08:00:00+07:00"));
    expect(slotJobId(new Date("2025-09-10T01:00:00Z"))).toBe(a);
    expect(slotJobId(new Date("2025-09-10T08:00:30+07:00"))).not.toBe(a);
  });
});
