import { describe, expect, it } from "vitest";
import type { Addressee, DomainEvent, OrganizationMember } from "../../../src/domain/notifications/index.js";
import { translatorFor } from "../../../src/i18n/i18n.js";
import type { MilestoneView } from "../../../src/services/milestones/milestone-view.js";
import { type EventFacts, noticeOf } from "../../../src/services/notifications/notice-words.js";

const event: DomainEvent = {
  type: "completion.decided",
  requestId: "r1",
  milestoneId: "m1",
  requesterPersonId: "p1",
  deciderPersonId: "p2",
  decision: "approve",
  comment: null,
};
const facts = (source: string | null): EventFacts => ({
  milestone: { title: "Thu hồi đất công bị lấn chiếm", label: null } as MilestoneView,
  subjectName: "",
  subjectUnit: "",
  unitNames: new Map(),
  taskTitle: "",
  source,
});
const someone = {} as Addressee;
const member = {} as OrganizationMember;

describe("a notice names the document its task came from", () => {
  it("adds 'Theo Thông báo số …' under a decision about a notice's task", () => {
    const source = "Thông báo số 45/TB-TTr ngày 02/12/2026 của Thanh tra tỉnh";
    const notice = noticeOf(translatorFor("vi"), event, facts(source), someone, member);
    expect(notice.text).toContain("Thu hồi đất công bị lấn chiếm");
    expect(notice.text).toContain(`↳ Theo ${source}`);
  });

  it("adds nothing for the annual plan's task", () => {
    const notice = noticeOf(translatorFor("vi"), event, facts(null), someone, member);
    expect(notice.text).not.toContain("Theo ");
  });
});
