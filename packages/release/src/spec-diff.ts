// The gate's comparison of two OpenAPI documents; the rules live in ./diff/rules.ts, the walk in ./diff/.
export type { SpecDifference } from "./diff/difference.js";
export { diffSpecs } from "./diff/operations.js";
export { type Level, RULES, type Rule, type RuleDirection, type RuleId } from "./diff/rules.js";
