import { foldVietnamese } from "../vietnamese-time/text.js";

/**
 * Whether a task's product ("Kết quả/Sản phẩm") is a document, so that a
 * completion should come with the document as evidence: a plan, a report, a
 * decision… These are the words the seeds use for written products.
 */
const DOCUMENT_WORDS = [
  "ke hoach",
  "bao cao",
  "quyet dinh",
  "van ban",
  "cong van",
  "to trinh",
  "thong bao",
  "quy che",
  "quy dinh",
  "bien ban",
  "de an",
  "chuong trinh",
  "huong dan",
  "danh muc",
  "danh sach",
  "nghi quyet",
  "chi thi",
  "tai lieu",
  "ho so",
];

export function productIsDocument(product: string | null): boolean {
  if (!product) return false;
  const folded = foldVietnamese(product.normalize("NFC"));
  return DOCUMENT_WORDS.some((word) => new RegExp(`(^|[^a-z])${word}([^a-z]|$)`).test(folded));
}
