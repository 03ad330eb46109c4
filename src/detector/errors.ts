// Errors the detector throws on purpose (all `ArenaGuardError`s with a stable code).
import { ArenaGuardError } from '../errors.js';

/**
 * A stream was used after `finish()`: its state slot is already back in the
 * pool, so a late chunk could not be part of the verdict.
 *
 * @example
 * ```ts
 * const stream = detector.createStream({ context: 'body' });
 * stream.push('hello');
 * stream.finish();
 * try { stream.push('more'); } catch (err) {
 *   console.log(err instanceof StreamFinishedError, err.code); // true STREAM_FINISHED
 * }
 * ```
 */
export class StreamFinishedError extends ArenaGuardError {
  constructor() { super('STREAM_FINISHED', 'scan stream already finished'); }
}

/**
 * The detector was closed (`detector.close()`): it gave its slots back and
 * scans nothing more.
 *
 * @example
 * ```ts
 * const detector = await createDetector();
 * await detector.close();
 * try { detector.scan('hello'); } catch (err) {
 *   console.log(err instanceof DetectorClosedError, err.code); // true DETECTOR_CLOSED
 * }
 * ```
 */
export class DetectorClosedError extends ArenaGuardError {
  constructor() { super('DETECTOR_CLOSED', 'detector closed'); }
}

/**
 * The wasm scan engine reported an inconsistent state (a bug or memory
 * corruption). `createDetector` rejects with it when the arena's wasm module
 * (`ArenaOptions.wasm`) is a build without the scanner or with another rule
 * table; during a scan it is never thrown: the result carries `internal.error`
 * (blocked under `failMode: 'closed'`).
 *
 * @example
 * ```ts
 * try {
 *   detector = await createDetector({ arena });
 * } catch (err) {
 *   if (err instanceof ScanEngineError) console.error('wrong arenaguard.wasm build:', err.message);
 *   throw err;
 * }
 * ```
 */
export class ScanEngineError extends ArenaGuardError {
  constructor(detail: string, options?: { cause?: unknown }) { super('SCAN_ENGINE', `scan engine failed: ${detail}`, options); }
}
