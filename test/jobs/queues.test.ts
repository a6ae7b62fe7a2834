import { describe, expect, it } from "vitest";
import { QUEUE_NAMES, reminderJobId } from "../../jobs/queues.js";

describe("queue names and job ids", () => {
  it("never put ':' in a queue name or a job id, which BullMQ reserves for its keys", () => {
    for (const name of Object.values(QUEUE_NAMES)) expect(name).not.toContain(":");
    expect(reminderJobId("3f2a9c1e-0000-4000-8000-000000000001")).toBe("reminder-3f2a9c1e-0000-4000-8000-000000000001");
    expect(reminderJobId("a")).not.toContain(":");
  });
});
