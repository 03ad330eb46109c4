// Public API of the threat detector.
export { createDetector, Detector, ScanStream } from './detector.js';
export { explain } from './explain.js';
export type { Explanation, ExplainStage } from './explain.js';
export { RULES } from './rules.generated.js';
export type { RuleInfo, RuleCategory, Severity } from './rules.generated.js';
export { StreamFinishedError, DetectorClosedError, ScanEngineError } from './errors.js';
export type {
  ScanContext, Threat, ScanResult, DetectorOptions, ScanOptions, RequestLike, DetectorStats, DetectorHealth, DetectorHealthCheck,
} from './types.js';
