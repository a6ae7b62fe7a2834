/**
 * How an organization issues an administrative document (Decree 30/2020/NĐ-CP):
 * the issuer's abbreviation after the document kind ("Số: …/BC-UBND",
 * "…/BC-SNV") and the lines above the signature. A commune's and a province's
 * People's Committee sign on behalf of the committee; a department ("Sở Nội
 * vụ") signs by its director under its own abbreviation.
 */
import type { OrganizationKind } from "../milestones/permissions.js";
import { unitNameKey } from "./unit-names.js";

export interface Issuer {
  /** "UBND", "SNV": what follows "BC-" in the document's number. */
  symbol: string;
  /** The signer's lines, top to bottom: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ["GIÁM ĐỐC"]. */
  signer: string[];
}

const COMMITTEE: Issuer = { symbol: "UBND", signer: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] };

/** The issuer an organization of `kind` named `name` writes on its reports. */
export function issuerOf(name: string, kind: OrganizationKind): Issuer {
  const key = unitNameKey(name);
  if (kind !== "department" || /^(?:ubnd|uy ban nhan dan)\b/.test(key)) return COMMITTEE;
  // Initials of the words, "và" left out, as offices abbreviate: Sở Khoa học và Công nghệ -> SKHCN.
  const symbol = key
    .split(" ")
    .filter((word) => word !== "" && word !== "va")
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
  return { symbol: symbol || "…", signer: key.startsWith("so ") ? ["GIÁM ĐỐC"] : ["THỦ TRƯỞNG CƠ QUAN"] };
}
