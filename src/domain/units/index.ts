export { resolveUnitList, splitUnitCell, splitUnitList, unitNameKey } from "./unit-names.js";
export { LEGACY_OFFICE_NAME, officeNameFromPlan } from "./office-name.js";
export {
  communeGroupKey,
  type CommuneGroup,
  type CommuneLead,
  type CommuneRef,
  readCommuneLead,
} from "./commune-lead.js";
export { ALIAS_THRESHOLD, editDistance, likelyAliases, unitNameSimilarity } from "./unit-similarity.js";
export { type Issuer, issuerOf } from "./issuer.js";
