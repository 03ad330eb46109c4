// Errors the detector throws on purpose (all `ArenaGuardError`s with a stable code).
import { ArenaGuardError } from '../errors.js';

/** A stream was used after `finish()`. */
export class StreamFinishedError extends ArenaGuardError {
  constructor() { super('STREAM_FINISHED', 'scan stream already finished'); }
}

/** The detector was closed. */
export class DetectorClosedError extends ArenaGuardError {
  constructor() { super('DETECTOR_CLOSED', 'detector closed'); }
}

/** The wasm scan engine reported an inconsistent state (a bug or memory corruption). */
export class ScanEngineError extends ArenaGuardError {
  constructor(detail: string, options?: { cause?: unknown }) { super('SCAN_ENGINE', `scan engine failed: ${detail}`, options); }
}
