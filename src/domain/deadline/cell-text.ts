/** Kept for the importers and unit names that read cells: the one definition lives in vietnamese-time. */
export { cleanCellText, foldVietnamese } from "../vietnamese-time/text.js";
