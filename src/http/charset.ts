// The charset of a request body. A body parser decodes the body by the charset its
// Content-Type names (Express's body-parser through iconv-lite: express.json() takes any
// utf-*, express.text() anything iconv knows), so the guard must read the same characters.
// In UTF-8 and the ASCII-compatible charsets every ASCII character is its own byte, and the
// guard scans the bytes as they are. UTF-16 is transcoded to UTF-8 first. Any other charset
// is refused (415): in UTF-7, UTF-32, ISO-2022 or HZ the characters an attack is made of are
// not the bytes the scanner reads (`+ACc-` is a quote in UTF-7), and a guard that cannot read
// a body must not pass it on.
import { joinBytes } from './bytes.js';
import { mediaTypeParams } from './media-type.js';

/** Scanned as they are: UTF-8, and charsets in which every ASCII character is its own byte and no byte sequence decodes to one. */
const AS_BYTES = /^(?:utf-?8|us-ascii|ascii|latin-?1|l1|iso[-_]?8859-\d{1,2}|iso[-_]?ir-\d+|(?:windows|cp)-?125\d|windows-874|cp-?874|tis-?620|(?:ibm|cp)-?8(?:50|52|66)|macintosh|mac-?roman|koi8-[ru]|shift[-_]jis|x-sjis|sjis|windows-31j|euc-(?:jp|kr)|ks_c_5601-1987|gbk|gb2312|gb18030|big5(?:-hkscs)?)$/;
// (a Map: the charset is the client's, and an object would answer 'constructor' from its prototype)
const UTF16 = new Map<string, 'utf-16le' | 'utf-16be' | 'utf-16'>([
  ['utf-16le', 'utf-16le'], ['utf16le', 'utf-16le'], ['ucs-2', 'utf-16le'], ['ucs2', 'utf-16le'],
  ['utf-16be', 'utf-16be'], ['utf16be', 'utf-16be'],
  ['utf-16', 'utf-16'], ['utf16', 'utf-16'],
]);

/**
 * The charset parameter of a Content-Type, lower case: the first one, as body-parser's
 * `content-type` takes it, read with quoted strings (`x="; charset=utf-8"` holds none).
 * Undefined when there is none; '' (no charset the guard knows) when the parameters cannot
 * be read but mention one, so the body is refused rather than read with a guess.
 */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const params = mediaTypeParams(contentType);
  if (params === undefined) return /charset/i.test(contentType) ? '' : undefined;
  return params.find(([name]) => name === 'charset')?.[1].trim().toLowerCase();
}

/**
 * How the guard reads a body of this Content-Type: `'bytes'` as they are, `'utf-16le'`,
 * `'utf-16be'` or `'utf-16'` (byte order from the BOM) transcoded to UTF-8, or undefined:
 * a charset the guard cannot read, to be refused.
 */
export function charsetPlan(contentType: string | undefined): 'bytes' | 'utf-16le' | 'utf-16be' | 'utf-16' | undefined {
  const charset = charsetOf(contentType);
  if (charset === undefined || AS_BYTES.test(charset)) return 'bytes';
  return UTF16.get(charset);
}

/**
 * UTF-16 body bytes in, UTF-8 out, chunk by chunk (a character split between chunks is
 * carried over). For plain `utf-16` the byte order comes from the BOM; without one the body
 * is refused, since parsers guess differently (iconv-lite by counting zero bytes).
 */
export class Utf16Transcoder {
  #decoder: TextDecoder | undefined;
  #head: Uint8Array | undefined;
  readonly #encoder = new TextEncoder();

  /** Throws RangeError when this runtime's TextDecoder lacks the encoding. */
  constructor(label: 'utf-16le' | 'utf-16be' | 'utf-16') {
    if (label !== 'utf-16') this.#decoder = new TextDecoder(label);
  }

  /** UTF-8 for `chunk`; undefined when the byte order cannot be told (the body is refused). */
  push(chunk: Uint8Array): Uint8Array | undefined {
    if (this.#decoder === undefined) {
      const head = this.#head === undefined ? chunk : joinBytes(this.#head, chunk);
      if (head.length < 2) {
        this.#head = head.slice();
        return new Uint8Array(0);
      }
      this.#head = undefined;
      const bom = (head[0]! << 8) | head[1]!;
      if (bom !== 0xfffe && bom !== 0xfeff) return undefined;
      this.#decoder = new TextDecoder(bom === 0xfffe ? 'utf-16le' : 'utf-16be');
      chunk = head;
    }
    return this.#encoder.encode(this.#decoder.decode(chunk, { stream: true }));
  }

  /** The body has ended: what is left (a dangling byte decodes as U+FFFD, as the parser reads it). */
  end(): Uint8Array | undefined {
    if (this.#decoder === undefined) return this.#head === undefined ? new Uint8Array(0) : undefined;
    return this.#encoder.encode(this.#decoder.decode());
  }
}


/**
 * A whole body as the application will read its characters: the bytes themselves, or UTF-16
 * as UTF-8. Undefined when the charset cannot be read (see {@link charsetPlan}).
 */
export function readableBody(bytes: Uint8Array, contentType: string | undefined): Uint8Array | undefined {
  const plan = charsetPlan(contentType);
  if (plan === 'bytes') return bytes;
  if (plan === undefined) return undefined;
  let transcoder: Utf16Transcoder;
  try {
    transcoder = new Utf16Transcoder(plan);
  } catch {
    return undefined;
  }
  const head = transcoder.push(bytes);
  const tail = transcoder.end();
  return head === undefined || tail === undefined ? undefined : tail.length === 0 ? head : joinBytes(head, tail);
}
