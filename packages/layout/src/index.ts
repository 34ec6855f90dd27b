// @cfssl-ts/layout public API: named re-exports only (no `export *`). Browser-safe: nothing reached from here
// imports a node: module (index-imports.test.ts); the Node writer is the '@cfssl-ts/layout/node' entry (node/index.ts).

// Plans (applyPlan, at '@cfssl-ts/layout/node', writes them; LayoutWriteError is what it throws)
export { KEY_FILE_MODE, PUBLIC_FILE_MODE, type PlannedFile, type PlannedFileKind } from './planned-file.js';
export { LayoutWriteError, type LayoutWriteStep } from './write/layout-write-error.js';

// Specs and presets
export type { LayoutSpec, LayoutSpecInput, LayoutCaSpec, LayoutCertificateSpec, CertificateRole } from './layout-spec.js';
export { parseLayoutSpec } from './parse-layout-spec.js';
export { layoutFileNames, issuedFileNames, type IssuedFileNames } from './layout-file-names.js';
export { etcdPreset, ETCD_DEFAULT_HOSTS, type EtcdPresetOptions } from './presets/etcd-preset.js';
export { k8sPreset, k8sApiserverHosts, K8S_DEFAULT_SERVICE_IP, type K8sPresetOptions } from './presets/k8s-preset.js';
export { LayoutError } from './layout-error.js';
export {
  LAYOUT_ERROR_CODES,
  type LayoutErrorCode,
  type LayoutWriteErrorCode,
  type LayoutErrorCodeEntry,
} from './layout-error-codes.js';

// Building and checking a directory
export { buildLayout, type BuildLayoutOptions, type LayoutBuild } from './build-layout.js';
export type { LayoutFileAction, LayoutFileOutcome } from './layout-file-outcome.js';
export { checkLayout, outlivesIssuerWarning, type CheckLayoutOptions, type LayoutCheck, type CertificateCheck } from './check-layout.js';

// Lifetime: renewal and CA rotation
export { readCaRotationState, type CaRotationPhase, type CaRotationState } from './lifetime/ca-rotation-state.js';
export {
  reissueLeaves,
  LAYOUT_CONFIG_FILE,
  type LeafCandidate,
  type LeafReissue,
  type ReissuedLeaf,
  type ReissueLeavesOptions,
} from './lifetime/reissue-leaves.js';
export {
  planCaRotation,
  type CaRotationPlan,
  type CaRotationStep,
  type PlanCaRotationOptions,
} from './lifetime/plan-ca-rotation.js';
export { leftoverWriteFiles } from './leftover-write-files.js';
