import { describe, expect, it } from "vitest";
import { readDigestSwitch } from "../../../src/domain/messages/index.js";

describe("readDigestSwitch", () => {
  it.each([
    "tắt",
    "tat",
    "TẮT",
    " Tắt ",
    "ngừng nhận",
    "ngung nhan",
    "thôi",
    "dừng",
    "hủy",
    "huỷ",
    "off",
    "tắt hằng tuần",
  ])("reads %j as stop", (text) => expect(readDigestSwitch(text)).toBe("off"));
  it.each(["bật", "bat", "Bật lại", "nhận lại", "nhan lai", "mở lại", "on", "bật hằng tuần"])(
    "reads %j as resume",
    (text) => expect(readDigestSwitch(text)).toBe("on"),
  );
  it.each(["", "tuần này", "xã Gio Sơn", "tắt đèn đi ngủ", "bật mí"])("reads %j as neither", (text) =>
    expect(readDigestSwitch(text)).toBeNull(),
  );
});
