import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_POLICY } from "../../../src/domain/reminders/index.js";
import {
  extraDaysAfter,
  InvalidSettingError,
  isSettingField,
  parseSettingInput,
  policyOverridesAfter,
  settingsAfter,
  settingValue,
  weekdayName,
} from "../../../src/domain/settings/index.js";

const refusal = (field: Parameters<typeof parseSettingInput>[0], text: string): string => {
  try {
    parseSettingInput(field, text);
  } catch (error) {
    if (error instanceof InvalidSettingError && error.field === field) return error.message;
    throw error;
  }
  throw new Error(`"${text}" was accepted for ${field}`);
};

describe("parseSettingInput", () => {
  it("reads a send time written as people write it", () => {
    expect(parseSettingInput("sendTime", "7:30")).toEqual({ field: "sendTime", value: "07:30" });
    expect(parseSettingInput("sendTime", "7h30")).toEqual({ field: "sendTime", value: "07:30" });
    expect(parseSettingInput("sendTime", "16h")).toEqual({ field: "sendTime", value: "16:00" });
  });
  it("refuses a send time that is not one, naming the field with an example", () => {
    expect(refusal("sendTime", "25:00")).toBe("Giờ gửi phải có dạng HH:MM, ví dụ 07:30");
    expect(refusal("sendTime", "sáng mai")).toBe("Giờ gửi phải có dạng HH:MM, ví dụ 07:30");
  });
  it("reads the days before due, largest first, once each", () => {
    expect(parseSettingInput("workingDaysBefore", "1/3/7/14/7")).toEqual({
      field: "workingDaysBefore",
      value: [14, 7, 3, 1],
    });
    expect(refusal("workingDaysBefore", "14/0")).toContain("Số ngày nhắc trước hạn");
    expect(refusal("workingDaysBefore", "")).toContain("ví dụ 14/7/3/1");
  });
  it("reads three escalation steps that do not decrease", () => {
    expect(parseSettingInput("overdueSteps", "1/3/7")).toEqual({
      field: "overdueSteps",
      value: { unit: 1, coordinators: 3, chairman: 7 },
    });
    expect(refusal("overdueSteps", "3/1/7")).toContain("Các bước báo quá hạn");
    expect(refusal("overdueSteps", "1/3")).toContain("ví dụ 1/3/7");
  });
  it("reads yes and no, a weekday, the digest's recipients and dates", () => {
    expect(parseSettingInput("remindSupportingUnits", "Không").value).toBe(false);
    expect(parseSettingInput("remindSupportingUnits", "có").value).toBe(true);
    expect(refusal("remindSupportingUnits", "tùy")).toContain("Nhắc đơn vị phối hợp");
    expect(parseSettingInput("weeklyDigestDay", "Thứ Sáu").value).toBe(5);
    expect(parseSettingInput("weeklyDigestDay", "T2").value).toBe(1);
    expect(refusal("weeklyDigestDay", "Chủ nhật")).toContain("Ngày gửi tổng hợp tuần");
    expect(parseSettingInput("weeklyDigestTo", "cả hai").value).toEqual(["chairman", "coordinators"]);
    expect(parseSettingInput("weeklyDigestTo", "Văn phòng").value).toEqual(["coordinators"]);
    expect(refusal("weeklyDigestTo", "mọi người")).toContain("Người nhận tổng hợp tuần");
    expect(parseSettingInput("dayOff", "2/1/2027").value).toBe("2027-01-02");
    expect(refusal("dayOff", "30/02/2027")).toBe("Ngày phải viết dd/mm/yyyy, ví dụ 02/01/2027");
    expect(refusal("officeName", "VP")).toContain("Tên văn phòng");
    expect(parseSettingInput("officeName", "  Văn phòng  HĐND và UBND xã ").value).toBe("Văn phòng HĐND và UBND xã");
  });
});

describe("a change applied to the settings", () => {
  const settings = { officeName: null, policy: DEFAULT_REMINDER_POLICY, extraDaysOff: [], extraWorkingDays: [] };

  it("keeps the stored overrides and sets the changed policy fields", () => {
    const steps = parseSettingInput("overdueSteps", "2/4/8");
    expect(policyOverridesAfter({ sendTime: "07:30" }, steps)).toEqual({
      sendTime: "07:30",
      overdueToUnitAfter: 2,
      overdueToCoordinatorsAfter: 4,
      overdueToChairmanAfter: 8,
    });
    expect(policyOverridesAfter(null, parseSettingInput("officeName", "Văn phòng xã"))).toBeNull();
    expect(settingValue(settingsAfter(settings, null, steps), "overdueSteps")).toEqual({
      unit: 2,
      coordinators: 4,
      chairman: 8,
    });
  });

  it("adds a day off or a working day in place of the other kind, and clears either", () => {
    const off = extraDaysAfter(
      { extraDaysOff: [], extraWorkingDays: ["2027-01-02"] },
      parseSettingInput("dayOff", "02/01/2027"),
    );
    expect(off).toEqual({ extraDaysOff: ["2027-01-02"], extraWorkingDays: [] });
    expect(extraDaysAfter(off!, parseSettingInput("clearDay", "2027-01-02"))).toEqual({
      extraDaysOff: [],
      extraWorkingDays: [],
    });
    expect(extraDaysAfter(off!, parseSettingInput("sendTime", "07:00"))).toBeNull();
    expect(settingsAfter(settings, null, parseSettingInput("workingDay", "09/01/2027")).extraWorkingDays).toEqual([
      "2027-01-09",
    ]);
  });

  it("names fields and weekdays", () => {
    expect(isSettingField("sendTime")).toBe(true);
    expect(isSettingField("token")).toBe(false);
    expect(weekdayName(1)).toBe("Thứ Hai");
    expect(weekdayName(7)).toBe("Chủ Nhật");
  });
});
