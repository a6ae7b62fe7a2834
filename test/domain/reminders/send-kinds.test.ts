import { describe, expect, it } from "vitest";
import {
  MILESTONE_SEND_KINDS,
  saysHowLate,
  SEND_KINDS,
  WEEKLY_SEND_KINDS,
} from "../../../src/domain/reminders/index.js";

describe("send kinds", () => {
  it("are the milestone sends and the weekly sends, each once", () => {
    expect(SEND_KINDS).toEqual([...MILESTONE_SEND_KINDS, ...WEEKLY_SEND_KINDS]);
    expect(new Set(SEND_KINDS).size).toBe(SEND_KINDS.length);
  });
  it("say how late only in overdue notices and escalations", () => {
    expect(SEND_KINDS.filter(saysHowLate)).toEqual(["overdue", "escalation"]);
  });
});
