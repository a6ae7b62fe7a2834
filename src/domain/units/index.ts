export { splitUnitCell, unitNameKey } from "./unit-names.js";
