// @cfssl-ts/layout/node: the Node writer of layout plans (node:fs, node:path, node:crypto), apart from the
// browser-safe index. Named re-exports only (no `export *`).
export { applyPlan, removeStaleWriteFiles, STALE_SIBLING_MS, type ApplyPlanOptions, type LayoutFs } from '../write/apply-plan.js';
export { removeInFlightFiles, type InFlightFs } from '../write/in-flight-files.js';
