import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCommuneLead } from "../../../src/domain/units/index.js";

const COMMUNES = [
  { id: "gs", name: "Xã Gio Sơn" },
  { id: "gl", name: "UBND xã Gio Linh" },
  { id: "dh", name: "Phường Đông Hà" },
  { id: "ct", name: "Thị trấn Cửa Tùng" },
  { id: "th", name: "Xã Trọng Hóa" },
];
const GROUPS = [{ name: "Các xã biên giới", communeIds: ["th", "ct"] }];

describe("readCommuneLead", () => {
  it.each([
    "UBND các xã, phường",
    "UBND các xã, phường, thị trấn",
    "Ủy ban nhân dân các xã, phường",
    "UBND cấp xã",
    "UBND xã, phường",
    "Các UBND xã, phường",
    "Chủ tịch UBND các xã, phường, đặc khu",
    "UBND các phường, xã trên địa bàn tỉnh",
    "các xã, phường trực thuộc tỉnh",
    "UBND các địa phương",
    "Tất cả các xã, phường",
    "ubnd cac xa, phuong",
    "  UBND  CÁC XÃ ,  PHƯỜNG. ",
    "Sở Nội vụ; UBND các xã, phường",
    "UBND các xã, phường\nCông an tỉnh",
  ])("reads %j as every commune", (lead) => {
    expect(readCommuneLead(lead, COMMUNES)).toEqual({ kind: "all" });
  });

  it.each([
    ["UBND xã Gio Sơn", ["gs"]],
    ["UBND xã Gio Sơn, UBND xã Gio Linh", ["gs", "gl"]],
    ["UBND các xã: Gio Linh, Gio Sơn và phường Đông Hà", ["gs", "gl", "dh"]],
    ["UBND các xã Gio Sơn, Gio Linh", ["gs", "gl"]],
    ["Xã Gio Sơn; Thị trấn Cửa Tùng", ["gs", "ct"]],
    ["Chủ tịch UBND phường Đông Hà", ["dh"]],
    ["UBND xã Trọng Hóa", ["th"]],
    ["UBND các xã biên giới", ["ct", "th"]],
    ["Các xã biên giới và xã Gio Sơn", ["gs", "ct", "th"]],
  ])("reads %j as the communes it names", (lead, ids) => {
    expect(readCommuneLead(lead, COMMUNES, GROUPS)).toEqual({ kind: "named", communeIds: ids, unknown: [] });
  });

  it("keeps a name it does not know, beside the ones it does", () => {
    expect(readCommuneLead("UBND xã Gio Sơn, xã Hải Lăng", COMMUNES)).toEqual({
      kind: "named",
      communeIds: ["gs"],
      unknown: ["xã Hải Lăng"],
    });
  });

  it.each([
    "Sở Nội vụ",
    "Văn phòng UBND tỉnh",
    "UBND xã",
    "UBND tỉnh",
    "UBND",
    "",
    "Phòng Văn hóa – Xã hội",
    "xã Hải Lăng",
  ])("reads %j as not the communes", (lead) => {
    expect(readCommuneLead(lead, COMMUNES, GROUPS)).toEqual({ kind: "none" });
  });

  it("never throws and only names communes the province has", () => {
    fc.assert(
      fc.property(fc.string(), (lead) => {
        const read = readCommuneLead(lead, COMMUNES, GROUPS);
        if (read.kind === "named") expect(read.communeIds.every((id) => COMMUNES.some((c) => c.id === id))).toBe(true);
      }),
    );
  });
});
