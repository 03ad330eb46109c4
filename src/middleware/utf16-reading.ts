// A body labelled UTF-16 has two readings, and the guard scans both. Express's body parsers
// decode it by its charset (iconv-lite), while Fastify's parsers, the fetch body readers
// (request.json(), formData()) and busboy's multipart framing read the bytes as UTF-8 and
// ignore the label. Scanning only one reading lets an attack through the other: UTF-8 text
// labelled utf-16le is gibberish to a transcoder and plain SQL to request.json().
import { Utf16Transcoder, type charsetPlan } from '../http/charset.js';
import { createBodyScanner, type BodyScanner } from './body-scan.js';
import { withoutRule } from '../detector/results.js';
import { abortStream, partStream, type GuardDetector, type GuardScanResult, type GuardScanStream } from './detector.js';

/** The reading as text: the body transcoded from UTF-16, scanned by its content type (and raw, should it not parse). */
export class Utf16Reading {
  readonly #transcoder: Utf16Transcoder;
  readonly #structured: BodyScanner;
  readonly #raw: GuardScanStream;

  /** Throws RangeError when this runtime's TextDecoder lacks the encoding. */
  constructor(detector: GuardDetector, contentType: string | undefined, label: Exclude<ReturnType<typeof charsetPlan>, 'bytes' | undefined>) {
    this.#transcoder = new Utf16Transcoder(label);
    this.#structured = createBodyScanner(detector, contentType);
    this.#raw = partStream(detector, 'body');
  }

  /** False when the byte order cannot be told (plain `utf-16` without a BOM). */
  push(chunk: Uint8Array): boolean {
    const text = this.#transcoder.push(chunk);
    if (text === undefined) return false;
    this.#feed(text);
    return true;
  }

  /**
   * The reading's findings; undefined when the byte order could not be told. Without
   * limit.oversize: UTF-8 text may be half as long again as its UTF-16, and the size limit
   * is the bytes' reading's to enforce (it scans the same characters' bytes, NULs removed).
   */
  finish(): GuardScanResult | undefined {
    const rest = this.#transcoder.end();
    if (rest === undefined) {
      this.abort(); // (no reading to finish: its state slots go back)
      return undefined;
    }
    this.#feed(rest);
    let structured: GuardScanResult;
    try {
      structured = this.#structured.finish();
    } catch (error) {
      abortStream(this.#raw); // (the other stream's slot goes back all the same)
      throw error;
    }
    const raw = this.#raw.finish();
    if (!this.#structured.malformed) return withoutRule(structured, 'limit.oversize');
    return withoutRule({ ...raw, threats: raw.threats.map((t) => ({ ...t, location: t.location ?? 'body' })) }, 'limit.oversize');
  }

  /** The body will not end (its request was refused or abandoned): the readings' state slots go back. */
  abort(): void {
    this.#structured.abort();
    abortStream(this.#raw);
  }

  #feed(text: Uint8Array): void {
    if (text.length === 0) return;
    // (copies of nothing: the transcoder's output is fresh, and not in wasm memory)
    this.#structured.push(text, -1);
    this.#raw.push(text);
  }
}

/**
 * The bytes-as-UTF-8 reading of a body labelled UTF-16, without `path.null-byte`: real UTF-16
 * text is full of zero bytes, which the label explains (the text reading still sees a NUL the
 * text itself holds). Scores are summed again per (location, rule), as the detector scores.
 */
export function withoutUtf16Zeros(result: GuardScanResult): GuardScanResult {
  return withoutRule(result, 'path.null-byte');
}

