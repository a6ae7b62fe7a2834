export { resolveUnitList, splitUnitCell, splitUnitList, unitNameKey } from "./unit-names.js";
