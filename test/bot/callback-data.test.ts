import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CallbackData,
  createCallbackData,
  encodeButtonAction,
  uuid,
} from "../../src/channels/telegram/callback-data.js";
import * as approvals from "../../src/bot/callback-data/approvals.js";
import * as conversation from "../../src/bot/callback-data/conversation.js";
import * as evidenceReference from "../../src/bot/callback-data/evidence-reference.js";
import * as invite from "../../src/bot/callback-data/invite.js";
import * as language from "../../src/bot/callback-data/language.js";
import * as milestoneWork from "../../src/bot/callback-data/milestone-work.js";
import * as par from "../../src/bot/callback-data/par.js";
import * as people from "../../src/bot/callback-data/people.js";
import * as planImport from "../../src/bot/callback-data/plan-import.js";
import * as report from "../../src/bot/callback-data/report.js";
import * as review from "../../src/bot/callback-data/review.js";
import * as settings from "../../src/bot/callback-data/settings.js";
import * as taskLists from "../../src/bot/callback-data/task-lists.js";

const ID = "0b7c6a0e-58c1-4c55-9d3c-8f2f5c1e2a11";

/** A codec and values it must carry, packed: typed, so a wrong field fails to compile. */
const example = <V>(codec: CallbackData<V>, values: V) => ({
  codec: codec as CallbackData<unknown>,
  data: codec.pack(values),
  values,
});

/** One line per kind of press the bot reads. */
const examples = [
  example(milestoneWork.doneData, { milestoneId: ID }),
  example(milestoneWork.evidenceData, { milestoneId: ID }),
  example(milestoneWork.progressData, { milestoneId: ID }),
  example(milestoneWork.extendData, { milestoneId: ID }),
  example(milestoneWork.percentData, { milestoneId: ID, percent: 75 }),
  example(approvals.approveData, { requestId: ID }),
  example(approvals.returnData, { requestId: ID }),
  example(approvals.grantData, { requestId: ID }),
  example(approvals.denyData, { requestId: ID }),
  example(taskLists.pageData, { list: "overdue", page: 3 }),
  example(language.languageData, { locale: "en" }),
  example(invite.inviteRoleData, { role: "unit_head" }),
  example(invite.inviteUnitData, { role: "unit_head", unitId: ID }),
  example(conversation.skipData, {}),
  example(conversation.cancelData, {}),
  example(planImport.importConfirmData, {}),
  example(review.reviewNextData, { index: 12 }),
  example(review.reviewDateData, { milestoneId: ID }),
  example(review.reviewLeadData, { taskId: ID, unitPrefix: "0b7c6a0e" }),
  example(review.reviewMergeData, { unitId: ID, intoPrefix: "0b7c6a0e" }),
  example(review.reviewKeepData, { unitId: ID }),
  example(review.reviewSeenData, { taskId: ID }),
  example(people.deactivateData, { personId: ID }),
  example(people.deactivateConfirmedData, { personId: ID }),
  example(settings.settingsFieldData, { field: "sendTime" }),
  example(settings.settingsChoiceData, { field: "weeklyDigestDay", choice: "t2" }),
  example(settings.settingsApplyData, {}),
  example(par.parMenuData, { verb: "workbook" }),
  example(par.parYesData, { code: "1.2.3", taskId: ID }),
  example(par.parNoData, { code: "II", taskId: ID }),
  example(par.parSkipData, { index: 4 }),
  example(report.reportPeriodData, { code: "2025-Q3" }),
  example(evidenceReference.referenceSaveData, {}),
];
const codecs = examples.map(({ codec }) => codec);

describe("callback data", () => {
  it("round-trips every kind of press within Telegram's 64 bytes, read by its own codec only", () => {
    for (const { codec, data, values } of examples) {
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(codec.unpack(data)).toEqual(values);
      // Another feature's codec never takes the press for its own.
      expect(codecs.filter((other) => other.unpack(data) !== null)).toEqual([codec]);
    }
  });

  it("fits the longest criterion code and a task id in 64 bytes", () => {
    const data = par.parYesData.pack({ code: "1.2.3.4.5.6.7.8.9.1", taskId: ID });
    expect(Buffer.byteLength(data)).toBe(64);
    expect(par.parYesData.unpack(data)).not.toBeNull();
  });

  it("refuses anything malformed: wrong ids, unknown verbs and roles, out-of-range numbers", () => {
    for (const data of [
      "done:123",
      `done:${ID}x`,
      `done:${ID}:1`,
      `delete:${ID}`,
      `pct:${ID}:101`,
      "inv:admin",
      `invu:admin:${ID}`,
      "lang:fr",
      "page:all:1",
      "imp",
      "cancel:1",
      "rep:2025-Q5",
      `par:yes:1:2:${ID}`,
      "",
    ]) {
      expect(
        codecs.filter((codec) => codec.unpack(data) !== null),
        data,
      ).toEqual([]);
    }
  });

  it("never throws on arbitrary payloads", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (data) => {
        for (const codec of codecs) codec.unpack(data);
      }),
    );
  });

  it("refuses a second codec with a tag already in use", () => {
    expect(() => createCallbackData("done", { milestoneId: uuid })).toThrow(/used twice/);
  });

  it("writes a reminder's and a notice's typed buttons as the payloads the bot's features read", () => {
    expect(milestoneWork.doneData.unpack(encodeButtonAction({ verb: "done", milestoneId: ID }))).toEqual({
      milestoneId: ID,
    });
    expect(milestoneWork.evidenceData.unpack(encodeButtonAction({ verb: "evidence", milestoneId: ID }))).not.toBeNull();
    for (const verb of ["approve", "return", "grant", "deny"] as const) {
      const data = encodeButtonAction({ verb, requestId: ID });
      expect(approvals[`${verb}Data`].unpack(data)).toEqual({ requestId: ID });
    }
  });
});
