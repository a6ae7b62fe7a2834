// Types for the lint configuration, so the layer test imports the very rules CI runs.
import type { Linter } from "eslint";

export declare const layerRules: Linter.Config[];
declare const config: Linter.Config[];
export default config;
