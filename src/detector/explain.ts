// explain(): what the engine saw — each decoding stage's output and every rule that fired.
// A debugging aid (allocates freely); not on the scan path.
import type { Detector } from './detector.js';
import { CONTEXT_CODES } from './engine.js';
import { DetectorClosedError } from './errors.js';
import type { ScanContext, ScanResult } from './types.js';

/** One decoding stage of an `Explanation`: what it does, and the text after it. */
export interface ExplainStage { name: string; text: string }
/**
 * What `explain` returns: the payload, the text after each decoding stage, and
 * the verdict of `detector.scan` on it. For reading why something was (or was
 * not) blocked; the CLI's `arenaguard explain` prints the same.
 *
 * @example
 * ```ts
 * const e = explain(detector, '%253Cscript%253E', 'query');
 * e.stages.map((s) => s.name)[1];                      // 'percent-decoded again (double encoding)'
 * [e.result.blocked, e.result.threats[0].ruleId];      // [true, 'xss.script-tag']
 * ```
 */
export interface Explanation {
  payload: string;
  context: ScanContext;
  stages: ExplainStage[];
  result: ScanResult;
}

const STAGE_NAMES = ['percent-decoded (+ as space in query/form)', 'percent-decoded again (double encoding)', 'entities, JS escapes, overlong/full-width UTF-8, NUL, case and whitespace folded'];

/**
 * Explain a verdict: the decoded text after each stage, the findings with spans, the score.
 *
 * @example
 * ```ts
 * const e = explain(detector, '%253Cscript%253E', 'query');
 * e.stages.map((s) => s.text); // ['%3Cscript%3E', '<script>', '<script>']
 * ```
 */
export function explain(detector: Detector, payload: string, context: ScanContext = 'query'): Explanation {
  // (before the decoding stages, whose slots a closed detector would lease and never give back)
  if (detector.closed) throw new DetectorClosedError();
  const code = CONTEXT_CODES[context];
  if (code === undefined) throw new RangeError(`explain: unknown context ${String(context)}`);
  const bytes = new TextEncoder().encode(payload);
  const decoded = detector.engine.debugDecode(bytes, code);
  const dec = new TextDecoder();
  const stages = decoded.map((s, i) => ({ name: STAGE_NAMES[i]!, text: dec.decode(s.bytes) }));
  return { payload, context, stages, result: detector.scan(payload, { context }) };
}
