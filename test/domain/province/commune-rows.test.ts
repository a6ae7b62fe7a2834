import { describe, expect, it } from "vitest";
import { communeSlug, readCommuneRows, readGroupCell } from "../../../src/domain/province/index.js";

const table = (lines: string[][]) => lines.map((cells, i) => ({ cells, line: i + 1 }));

describe("readCommuneRows", () => {
  it("finds the columns by their Vietnamese headings and makes short names from the communes' names", () => {
    const read = readCommuneRows(
      table([
        ["DANH SÁCH XÃ, PHƯỜNG"],
        ["STT", "Tên xã/phường", "Họ tên người điều phối"],
        ["1", "Xã Gio Sơn", "Nguyễn Văn A"],
        ["2", "Phường Đông Hà", ""],
        ["", "", ""],
      ]),
    );
    expect(read).toEqual({
      ok: true,
      rows: [
        { line: 3, name: "Xã Gio Sơn", slug: "gio-son", coordinatorName: "Nguyễn Văn A", email: null, groups: [] },
        { line: 4, name: "Phường Đông Hà", slug: "dong-ha", coordinatorName: null, email: null, groups: [] },
      ],
    });
  });

  it("reads the coordinator's address apart from the coordinator's name, and names a malformed one", () => {
    const read = readCommuneRows(
      table([
        ["Tên xã/phường", "Họ tên người điều phối", "Email người điều phối"],
        ["Xã Gio Sơn", "Nguyễn Văn A", " A@GioSon.gov.vn "],
        ["Phường Đông Hà", "Trần Thị B", ""],
      ]),
    );
    expect(read.ok && read.rows.map((r) => [r.slug, r.coordinatorName, r.email])).toEqual([
      ["gio-son", "Nguyễn Văn A", "a@gioson.gov.vn"],
      ["dong-ha", "Trần Thị B", null],
    ]);
    const thuDienTu = readCommuneRows(
      table([
        ["Tên xã/phường", "Thư điện tử"],
        ["Xã Gio Linh", "giolinh@gl.vn"],
      ]),
    );
    expect(thuDienTu.ok && thuDienTu.rows[0]?.email).toBe("giolinh@gl.vn");
    expect(
      readCommuneRows(
        table([
          ["Tên xã/phường", "Email"],
          ["Xã Gio Linh", "giolinh@"],
        ]),
      ),
    ).toEqual({
      ok: false,
      errors: [{ line: 2, column: "Email", reason: '"giolinh@" không phải địa chỉ thư điện tử' }],
    });
  });

  it("names every bad row and its column at once", () => {
    const read = readCommuneRows(
      table([
        ["Mã", "Tên đơn vị", "Cán bộ đầu mối"],
        ["gio-son", "Xã Gio Sơn", "A"],
        ["", "", "B"],
        ["Gio Son", "Xã Gio Linh", "C"],
        ["gio-son", "Xã Gio Sơn 2", "D"],
      ]),
    );
    expect(read).toEqual({
      ok: false,
      errors: [
        { line: 3, column: "Tên đơn vị", reason: "để trống tên xã/phường" },
        { line: 4, column: "Mã", reason: 'mã "Gio Son" chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang' },
        { line: 5, column: "Mã", reason: 'mã "gio-son" trùng với dòng 2; hãy ghi cột "Mã"' },
      ],
    });
  });

  it("reads the groups column, several groups to a cell, and names a cell that is no group", () => {
    const read = readCommuneRows(
      table([
        ["Tên xã/phường", "Nhóm/Cụm"],
        ["Xã Gio Sơn", "Biên giới; Cụm 2"],
        ["Phường Đông Hà", ""],
        ["Xã Gio Linh", "Cụm 2, cụm 2"],
      ]),
    );
    expect(read.ok && read.rows.map((r) => [r.slug, r.groups])).toEqual([
      ["gio-son", ["Biên giới", "Cụm 2"]],
      ["dong-ha", []],
      ["gio-linh", ["Cụm 2"]],
    ]);
    expect(
      readCommuneRows(
        table([
          ["Tên xã", "Cụm"],
          ["Xã A", "UBND"],
        ]),
      ),
    ).toEqual({
      ok: false,
      errors: [{ line: 2, column: "Cụm", reason: '"UBND" không phải tên nhóm xã, phường' }],
    });
  });

  it("splits a groups cell on semicolons and commas, each group once by its folded name", () => {
    expect(readGroupCell(" Các xã biên giới ;biên giới, Ven  biển,, ")).toEqual({
      ok: true,
      groups: ["Các xã biên giới", "Ven biển"],
    });
    expect(readGroupCell("")).toEqual({ ok: true, groups: [] });
    expect(readGroupCell(`Cụm ${"x".repeat(120)}`)).toMatchObject({ ok: false });
  });

  it("says so when no heading names the communes' column", () => {
    expect(readCommuneRows(table([["a", "b"]]))).toMatchObject({ ok: false, errors: [{ line: 1 }] });
  });

  it("folds a name to a short name", () => {
    expect(communeSlug("Thị trấn Cửa Tùng")).toBe("cua-tung");
    expect(communeSlug("UBND xã Đakrông")).toBe("dakrong");
  });
});
