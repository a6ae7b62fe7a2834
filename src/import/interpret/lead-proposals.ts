import { foldVietnamese } from "../../domain/deadline/cell-text.js";

/** A lead unit the plan's own text assigns to a task, for the coordinator to confirm. */
export interface LeadProposal {
  unit: string;
  /** The plan's sentence the proposal comes from. */
  because: string;
}

interface Assignment {
  unit: string;
  sentence: string;
  /** Folded phrases and upper-case initials ("TTHC") a task title must contain to fall under the assignment. */
  keys: string[];
  initials: string | null;
}

const GENERIC_LEAD = /^(cai cach|cong tac|chi so thanh phan|chi so|nhiem vu|nang cao)\s+/;

/**
 * "Tổ chức thực hiện" sections name who leads what: "2. Bộ phận Văn phòng- Thống
 * kê — Chủ trì … nâng cao Chỉ số thành phần cải cách thủ tục hành chính". Reads
 * each numbered unit heading and the topics of its "Chủ trì" sentences.
 */
export function readAssignments(paragraphs: string[]): Assignment[] {
  const start = paragraphs.findIndex((p) => /^[IVX]+\.\s*TỔ CHỨC THỰC HIỆN/iu.test(p));
  if (start < 0) return [];
  const assignments: Assignment[] = [];
  let unit: string | null = null;
  for (const paragraph of paragraphs.slice(start + 1)) {
    const heading = /^\d+\.\s*((?:Bộ phận|Phòng|Văn phòng|Ban|Công chức)\s[^.:;]{2,80})$/u.exec(paragraph.trim());
    if (heading) {
      unit = (heading[1] as string).trim();
      continue;
    }
    if (/^[IVX]+\./u.test(paragraph) || /^Nơi nhận/iu.test(paragraph)) break;
    if (!unit || !/chủ trì/iu.test(paragraph)) continue;
    for (const match of paragraph.matchAll(/Chỉ số thành phần ([^;.]+)/giu)) {
      let topic = foldVietnamese((match[1] as string).trim());
      while (GENERIC_LEAD.test(topic)) topic = topic.replace(GENERIC_LEAD, "");
      const words = topic.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
      if (words.length < 2) continue;
      // Three words ("thủ tục hành") are specific enough; two ("tổ chức") match half the titles.
      const phrase = words.slice(0, Math.min(3, words.length)).join(" ");
      const initials = words.map((w) => (w[0] as string).toUpperCase()).join("");
      assignments.push({
        unit,
        sentence: paragraph.trim(),
        keys: [phrase],
        initials: words.length >= 3 && words.length <= 5 ? initials : null,
      });
    }
  }
  return assignments;
}

/**
 * Proposes lead units for tasks of a table without a lead column, only where
 * the plan's text says so explicitly; every other task stays unassigned.
 */
export function proposeLeads(paragraphs: string[], titles: string[]): LeadProposal[][] {
  const assignments = readAssignments(paragraphs);
  return titles.map((title) => {
    const folded = ` ${foldVietnamese(title).replace(/[^a-z0-9]+/g, " ")} `;
    const proposals: LeadProposal[] = [];
    for (const assignment of assignments) {
      const byWords = assignment.keys.some((key) => folded.includes(` ${key} `));
      const byInitials = assignment.initials !== null && new RegExp(`\\b${assignment.initials}\\b`).test(title);
      if ((byWords || byInitials) && !proposals.some((p) => p.unit === assignment.unit)) {
        proposals.push({ unit: assignment.unit, because: assignment.sentence });
      }
    }
    return proposals;
  });
}
