import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { communeGroupKey, readCommuneLead } from "../../../src/domain/units/index.js";

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
    expect(readCommuneLead(lead, COMMUNES, GROUPS)).toEqual({
      kind: "named",
      communeIds: ids,
      unknown: [],
      unknownGroups: [],
    });
  });

  it("keeps a name it does not know, beside the ones it does", () => {
    expect(readCommuneLead("UBND xã Gio Sơn, xã Hải Lăng", COMMUNES)).toEqual({
      kind: "named",
      communeIds: ["gs"],
      unknown: ["xã Hải Lăng"],
      unknownGroups: [],
    });
  });

  it.each([
    ["UBND các xã thuộc Cụm 2", ["gl", "dh"]],
    ["Các xã trong cụm 2", ["gl", "dh"]],
    ["cụm 2; UBND xã Gio Sơn", ["gs", "gl", "dh"]],
    ["UBND các xã, thị trấn biên giới", ["ct", "th"]],
    ["Các xã biên giới và Cụm 2", ["gl", "dh", "ct", "th"]],
  ])("reads the group the province defined in %j", (lead, ids) => {
    const groups = [...GROUPS, { name: "Cụm 2", communeIds: ["dh", "gl"] }];
    expect(readCommuneLead(lead, COMMUNES, groups)).toMatchObject({ kind: "named", communeIds: ids });
  });

  it("reads a group named by its level alone as that group, not every commune", () => {
    const wards = [{ name: "Các phường", communeIds: ["dh"] }];
    expect(readCommuneLead("UBND các phường", COMMUNES, wards)).toEqual({
      kind: "named",
      communeIds: ["dh"],
      unknown: [],
      unknownGroups: [],
    });
    expect(readCommuneLead("UBND các xã, phường", COMMUNES, wards)).toEqual({ kind: "all" });
    expect(readCommuneLead("UBND các phường", COMMUNES)).toEqual({ kind: "all" });
  });

  it("counts a group's communes once, and only those the province has", () => {
    const groups = [{ name: "Ven biển", communeIds: ["ct", "gone", "ct"] }];
    expect(readCommuneLead("các xã ven biển; Thị trấn Cửa Tùng", COMMUNES, groups)).toMatchObject({
      communeIds: ["ct"],
    });
  });

  it.each([
    ["UBND các xã biên giới", "UBND các xã biên giới"],
    ["Các xã thuộc Cụm 3", "Các xã thuộc Cụm 3"],
    ["Nhóm 1", "Nhóm 1"],
    ["UBND các xã, phường ven biển", "UBND các xã, phường ven biển"],
  ])("names %j as a group the province has not defined", (lead, group) => {
    expect(readCommuneLead(lead, COMMUNES, [{ name: "Cụm 2", communeIds: ["gl"] }])).toEqual({
      kind: "named",
      communeIds: [],
      unknown: [],
      unknownGroups: [group],
    });
  });

  it("tells an unknown group from unknown communes listed after a plural", () => {
    expect(readCommuneLead("Các xã miền núi và xã Gio Sơn", COMMUNES)).toEqual({
      kind: "named",
      communeIds: ["gs"],
      unknown: [],
      unknownGroups: ["Các xã miền núi"],
    });
    expect(readCommuneLead("UBND các xã Hải Lăng, Gio Sơn", COMMUNES)).toEqual({
      kind: "named",
      communeIds: ["gs"],
      unknown: ["UBND các xã Hải Lăng"],
      unknownGroups: [],
    });
    expect(readCommuneLead("Nhóm công tác liên ngành", COMMUNES)).toEqual({ kind: "none" });
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

  it.each([
    ["Các xã biên giới", "bien gioi"],
    ["UBND các xã, thị trấn biên giới", "bien gioi"],
    ["biên giới", "bien gioi"],
    ["các xã thuộc Cụm 2", "cum 2"],
    ["CỤM 2", "cum 2"],
    ["Các phường", "phuong"],
    ["các xã, phường", "xa phuong"],
    ["UBND", ""],
    ["  ", ""],
  ])("keys the group name %j as %j", (name, key) => {
    expect(communeGroupKey(name)).toBe(key);
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
