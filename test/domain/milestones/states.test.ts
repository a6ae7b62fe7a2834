import { describe, expect, it } from "vitest";
import {
  canTransition,
  IllegalTransitionError,
  isChased,
  isClosed,
  MILESTONE_STATES,
  transition,
} from "../../../src/domain/milestones/index.js";

describe("milestone states", () => {
  it("stores no overdue state: it is computed from the due day", () => {
    expect(MILESTONE_STATES).not.toContain("overdue");
  });
  it("allows work, completion, approval, return, cancelling and reopening", () => {
    expect(transition("open", "in_progress")).toBe("in_progress");
    expect(transition("in_progress", "submitted")).toBe("submitted");
    expect(transition("submitted", "done")).toBe("done");
    expect(transition("submitted", "in_progress")).toBe("in_progress");
    expect(transition("open", "done")).toBe("done");
    expect(transition("in_progress", "cancelled")).toBe("cancelled");
    expect(transition("cancelled", "open")).toBe("open");
  });
  it("refuses anything out of a done milestone, and going back to open from work", () => {
    expect(() => transition("done", "in_progress")).toThrow(IllegalTransitionError);
    expect(canTransition("done", "cancelled")).toBe(false);
    expect(canTransition("in_progress", "open")).toBe(false);
    try {
      transition("done", "open");
    } catch (error) {
      expect(error).toMatchObject({ name: "IllegalTransitionError", from: "done", to: "open" });
    }
  });
  it("chases open and in-progress work; done and cancelled are closed", () => {
    expect(MILESTONE_STATES.filter(isChased)).toEqual(["open", "in_progress"]);
    expect(MILESTONE_STATES.filter(isClosed)).toEqual(["done", "cancelled"]);
  });
});
