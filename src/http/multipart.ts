// multipart/form-data framing, read so that the guard never takes a narrower view of a body
// than the application's parser does: busboy (multer, @fastify/multipart) and undici
// (Request.formData(), Hono's parseBody) both read it, and they differ at the edges. Where
// they could differ from each other or from this reader, the body is malformed and the
// caller scans it whole, as raw text. Shared by the middleware's streaming scanner and
// analyzeRequest, so the two read a body alike.
import { joinBytes } from './bytes.js';
import { mediaTypeParams } from './media-type.js';
import { parsePartHead, type PartHead } from './multipart-head.js';

/** Is this Content-Type multipart? (Its parsers read the framing as bytes, whatever charset it names.) */
export function isMultipart(contentType: string | undefined): boolean {
  return contentType !== undefined && /^\s*multipart\//i.test(contentType);
}

/** RFC 2046 caps a boundary at 70 characters (undici uses a longer one whole). */
const MAX_BOUNDARY = 70;
/** A part's header block longer than this is malformed (busboy refuses 16 KiB). */
const MAX_PART_HEADERS = 8192;

/**
 * The boundary of a `multipart/form-data` Content-Type, or undefined when it has none or
 * could be read more than one way: the parameters are parsed with their quoted strings (a
 * `boundary=` inside a quoted value is not a parameter), and a second `boundary`
 * parameter, a boundary over 70 characters or any text the parameter grammar does not
 * allow makes it ambiguous (busboy, undici and the guard could each take another one).
 */
export function multipartBoundary(contentType: string): string | undefined {
  // formidable finds `boundary=` anywhere in the header (`xboundary=F; boundary=B` is F to it)
  if ((contentType.match(/boundary=/gi) ?? []).length !== 1) return undefined;
  const params = mediaTypeParams(contentType);
  if (params === undefined) return undefined;
  const boundaries = params.filter(([name]) => name === 'boundary');
  if (boundaries.length !== 1) return undefined; // (two: parsers take the first or the last)
  const boundary = boundaries[0]![1];
  return boundary.length > 0 && boundary.length <= MAX_BOUNDARY ? boundary : undefined;
}

/**
 * The boundaries parsers may take from a Content-Type whose boundary {@link multipartBoundary} finds ambiguous: each
 * `boundary` parameter (parsers take the first or the last), formidable's first `boundary=` anywhere in the header,
 * and a boundary over 70 characters both whole (undici and Hono read it so) and cut at 70. At most four; none when the
 * header names no boundary at all.
 */
export function multipartBoundaryCandidates(contentType: string): string[] {
  const found = new Set<string>();
  for (const [name, value] of mediaTypeParams(contentType) ?? []) {
    if (name !== 'boundary' || value.length === 0) continue;
    found.add(value);
    if (value.length > MAX_BOUNDARY) found.add(value.slice(0, MAX_BOUNDARY));
  }
  const loose = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const first = loose?.[1] ?? loose?.[2];
  if (first !== undefined) found.add(first);
  return [...found].slice(0, 4);
}

/** What a {@link MultipartReader} finds, in order. */
export interface MultipartSink {
  /**
   * A part begins (`head` its headers; undefined for text before the first delimiter, which
   * parsers drop but is scanned anyway). Return false to have its content skipped.
   */
  open(head: PartHead | undefined): boolean;
  /** A piece of the open part's content; more follow. */
  data(bytes: Uint8Array): void;
  /** The open part's last piece (may be empty). */
  close(bytes: Uint8Array): void;
}

const CR = 13;
const LF = 10;
const CRLFCRLF = new Uint8Array([CR, LF, CR, LF]);
const decoder = new TextDecoder();

/**
 * A multipart body as chunks arrive. A delimiter counts only at the start of the body or
 * right after CRLF (as busboy reads it); it must be followed by CRLF or, closing the body,
 * by `--` and nothing but whitespace. A body is malformed when it could be framed another
 * way: `--boundary` elsewhere in the preamble (undici takes the first one anywhere), a part
 * header line ended by a bare CR or LF (undici takes those as line ends, busboy refuses
 * them), a delimiter inside a header block, text after the close delimiter, or no close
 * delimiter at all.
 */
export class MultipartReader {
  /** True once the body is known not to be framed the one way every parser reads it. */
  malformed = false;
  /** `--boundary`: the first delimiter, at the body's start. */
  readonly #first: Uint8Array;
  /** `\r\n--boundary`: every later one. */
  readonly #delimiter: Uint8Array;
  #state: 'start' | 'preamble' | 'after-delimiter' | 'headers' | 'content-start' | 'content' | 'epilogue' = 'start';
  #carry: Uint8Array = new Uint8Array(0);
  /**
   * An unfinished header block gathers here, not in #carry: joined with each chunk it would be
   * copied and searched whole every time, quadratic in its length when it arrives a byte per chunk.
   * `#headLen` bytes are in use (0: none gathered); the first `#headSearched` hold no CRLFCRLF.
   */
  #head: Uint8Array = EMPTY;
  #headLen = 0;
  #headSearched = 0;
  /** The open part's content goes to the sink. */
  #wanted = false;

  constructor(boundary: string, private readonly sink: MultipartSink) {
    this.#first = new TextEncoder().encode(`--${boundary}`);
    this.#delimiter = new TextEncoder().encode(`\r\n--${boundary}`);
  }

  push(chunk: Uint8Array): void {
    if (this.malformed) return;
    let data: Uint8Array;
    if (this.#headLen > 0) {
      const gathered = this.#gatherHead(chunk);
      if (gathered === undefined) return;
      data = gathered;
    } else {
      data = joinBytes(this.#carry, chunk);
      this.#carry = EMPTY;
    }
    let at = 0;
    for (;;) {
      switch (this.#state) {
        case 'start': {
          const n = this.#first.length;
          if (data.length - at < n) {
            // (all of it so far could still be the first delimiter)
            if (startsWith(this.#first, data.subarray(at))) return this.#keep(data, at);
            this.#open(undefined);
            this.#state = 'preamble';
            continue;
          }
          if (startsWith(data.subarray(at, at + n), this.#first)) {
            at += n;
            this.#state = 'after-delimiter';
          } else {
            this.#open(undefined);
            this.#state = 'preamble';
          }
          continue;
        }
        case 'preamble':
        case 'content': {
          const end = indexOfBytes(data, this.#delimiter, at);
          // In the preamble, `--boundary` anywhere but right after CRLF is another framing.
          if (this.#state === 'preamble') {
            const stray = indexOfBytes(data, this.#first, at);
            if (stray >= 0 && (end < 0 || stray < end + 2)) return this.#malformed();
          }
          if (end < 0) {
            // Hold back what could be the start of a delimiter split across chunks.
            const keep = Math.max(at, data.length - this.#delimiter.length + 1);
            if (this.#wanted && keep > at) this.sink.data(data.subarray(at, keep));
            return this.#keep(data, keep);
          }
          if (this.#wanted) this.sink.close(data.subarray(at, end));
          this.#wanted = false;
          at = end + this.#delimiter.length;
          this.#state = 'after-delimiter';
          continue;
        }
        case 'after-delimiter': {
          if (data.length - at < 2) return this.#keep(data, at);
          if (data[at] === 0x2d && data[at + 1] === 0x2d) {
            at += 2;
            this.#state = 'epilogue';
          } else if (data[at] === CR && data[at + 1] === LF) {
            at += 2;
            this.#state = 'headers';
          } else {
            return this.#malformed(); // (busboy drops such a part, undici fails: no one reads it as we would)
          }
          continue;
        }
        case 'headers': {
          if (data.length - at < 2) return this.#keep(data, at);
          let head: Uint8Array;
          if (data[at] === CR && data[at + 1] === LF) { // a part without headers
            head = EMPTY;
            at += 2;
          } else {
            const end = indexOfBytes(data, CRLFCRLF, at);
            if (end < 0) {
              if (data.length - at > MAX_PART_HEADERS) return this.#malformed();
              return this.#startHead(data.subarray(at));
            }
            // (the limit holds however the block arrived: whole in one chunk too)
            if (end - at > MAX_PART_HEADERS) return this.#malformed();
            head = data.subarray(at, end);
            at = end + 4;
          }
          // (a delimiter in the header block ends the part for busboy, whose search runs over headers too)
          if (!plainLines(head) || startsWith(head, this.#first) || indexOfBytes(head, this.#delimiter, 0) >= 0) return this.#malformed();
          this.#open(parsePartHead(decoder.decode(head)));
          this.#state = 'content-start';
          continue;
        }
        case 'content-start': {
          // `--boundary` first in the content follows the blank line's CRLF: a delimiter to busboy.
          const n = Math.min(this.#first.length, data.length - at);
          if (startsWith(this.#first, data.subarray(at, at + n))) {
            if (n === this.#first.length) return this.#malformed();
            return this.#keep(data, at);
          }
          this.#state = 'content';
          continue;
        }
        case 'epilogue': {
          // Parsers ignore what follows the close delimiter; anything but line ends and
          // spaces there means one of them may not have taken it as the end.
          for (let i = at; i < data.length; i++) {
            const c = data[i]!;
            if (c !== CR && c !== LF && c !== 0x20 && c !== 0x09) return this.#malformed();
          }
          return;
        }
      }
    }
  }

  /** The body has ended: malformed unless it was closed. */
  finish(): void {
    if (this.malformed) return;
    if (this.#state === 'epilogue') return;
    if (this.#state === 'start' && this.#carry.length > 0) this.#open(undefined);
    if (this.#wanted) this.sink.close(this.#carry);
    this.#wanted = false;
    this.#carry = EMPTY;
    this.#head = EMPTY;
    this.#headLen = 0;
    this.malformed = true;
  }

  #open(head: PartHead | undefined): void {
    this.#wanted = this.sink.open(head);
  }

  /** The start of a header block whose end is not in this chunk. */
  #startHead(part: Uint8Array): void {
    this.#head = new Uint8Array(Math.max(1024, part.length * 2));
    this.#head.set(part);
    this.#headLen = part.length;
    // (the block's start is no CRLFCRLF: a block that starts with CRLF is an empty one, taken at once)
    this.#headSearched = part.length;
  }

  /**
   * The next chunk of an unfinished header block: appended (the buffer doubles when full) and only
   * its new bytes searched. Returns the block and what follows it as the data to read on, in a
   * buffer of its own (the sink may keep views of it), or undefined while the block goes on.
   */
  #gatherHead(chunk: Uint8Array): Uint8Array | undefined {
    const len = this.#headLen + chunk.length;
    if (len > this.#head.length) {
      const grown = new Uint8Array(Math.max(len, this.#head.length * 2));
      grown.set(this.#head.subarray(0, this.#headLen));
      this.#head = grown;
    }
    this.#head.set(chunk, this.#headLen);
    this.#headLen = len;
    const gathered = this.#head.subarray(0, len);
    // (a CRLFCRLF may begin up to 3 bytes before the new ones)
    const end = indexOfBytes(gathered, CRLFCRLF, Math.max(0, this.#headSearched - 3));
    if (end < 0) {
      this.#headSearched = len;
      if (len > MAX_PART_HEADERS) this.#malformed();
      return undefined;
    }
    this.#head = EMPTY;
    this.#headLen = 0;
    this.#headSearched = 0;
    return gathered;
  }

  #keep(data: Uint8Array, from: number): void {
    // A copy: the caller may reuse its chunk's memory.
    this.#carry = data.slice(from);
  }

  #malformed(): void {
    // The open part's content so far was given; its end is not known.
    if (this.#wanted) this.sink.close(EMPTY);
    this.#wanted = false;
    this.malformed = true;
    this.#carry = EMPTY;
    this.#head = EMPTY;
    this.#headLen = 0;
  }
}

const EMPTY = new Uint8Array(0);

/** Does every CR in a header block start a CRLF, and every LF end one? */
function plainLines(head: Uint8Array): boolean {
  for (let i = head.indexOf(CR); i >= 0; i = head.indexOf(CR, i + 2)) if (head[i + 1] !== LF) return false;
  for (let i = head.indexOf(LF); i >= 0; i = head.indexOf(LF, i + 1)) if (i === 0 || head[i - 1] !== CR) return false;
  return true;
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** First index of `needle` in `hay` at or after `from`, or -1. Native indexOf finds candidates. */
function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0]!;
  for (let i = hay.indexOf(first, from); i >= 0 && i <= hay.length - needle.length; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}


// Base64 as Node's Buffer (behind undici's Content-Transfer-Encoding handling) decodes it:
// both alphabets, other bytes skipped, and the text ends at the first '='.
const B64 = new Int8Array(256).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => { B64[c.charCodeAt(0)] = i; });
B64[0x2d] = 62; // '-'
B64[0x5f] = 63; // '_'

/**
 * Decodes base64 a piece at a time, as a part's content arrives. undici hands Node the part
 * as a string (UTF-8 decoded), and Node reads each UTF-16 unit of it by its low byte: U+0141
 * is 'A' to it. So once a byte outside ASCII appears, the rest goes through a UTF-8 decoder
 * and each unit's low byte is decoded, as there.
 */
export class Base64Decoder {
  #bits = 0;
  #count = 0;
  #ended = false;
  #utf8: TextDecoder | undefined;

  /** The bytes that `piece` completes. */
  push(piece: Uint8Array): Uint8Array {
    if (this.#utf8 === undefined && !piece.some((b) => b >= 0x80)) return this.#decode(piece);
    this.#utf8 ??= new TextDecoder();
    return this.#decode(lowBytes(this.#utf8.decode(piece, { stream: true })));
  }

  #decode(piece: Uint8Array): Uint8Array {
    const out = new Uint8Array(Math.ceil((piece.length * 3) / 4) + 2);
    let n = 0;
    for (let i = 0; i < piece.length && !this.#ended; i++) {
      const c = piece[i]!;
      if (c === 0x3d) {
        this.#ended = true;
        break;
      }
      const v = B64[c]!;
      if (v < 0) continue;
      this.#bits = ((this.#bits << 6) | v) & 0xffffff;
      if (++this.#count === 4) {
        out[n++] = this.#bits >> 16;
        out[n++] = (this.#bits >> 8) & 0xff;
        out[n++] = this.#bits & 0xff;
        this.#count = 0;
        this.#bits = 0;
      }
    }
    return out.subarray(0, n);
  }

  /** What a last group of 2 or 3 characters holds. */
  end(): Uint8Array {
    const rest = this.#utf8 === undefined ? new Uint8Array(0) : this.#decode(lowBytes(this.#utf8.decode()));
    const bits = this.#bits;
    const count = this.#count;
    this.#bits = this.#count = 0;
    const last = count === 2 ? [(bits >> 4) & 0xff] : count === 3 ? [(bits >> 10) & 0xff, (bits >> 2) & 0xff] : [];
    return last.length === 0 ? rest : joinBytes(rest, new Uint8Array(last));
  }
}

/** Each UTF-16 unit of `text` by its low byte. */
function lowBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/**
 * Looks for a Content-Transfer-Encoding header other than 7bit, 8bit or binary anywhere in a
 * body, across chunks. For a multipart body read whole because its framing was ambiguous:
 * undici decodes a base64 part, which the whole-body text scan cannot see into. A byte-at-a-
 * time state machine (no regex, nothing re-read): constant work per byte however the body is
 * cut into chunks.
 */
export class TransferEncodingWatch {
  static readonly #NAME = new TextEncoder().encode('content-transfer-encoding');
  /** Knuth–Morris–Pratt: after a mismatch with k bytes matched, #FALLBACK[k] of them still are. */
  static readonly #FALLBACK = (() => {
    const name = TransferEncodingWatch.#NAME;
    const table = new Uint8Array(name.length + 1);
    for (let k = 2, border = 0; k <= name.length; k++) {
      while (border > 0 && name[k - 1] !== name[border]) border = table[border]!;
      if (name[k - 1] === name[border]) border++;
      table[k] = border;
    }
    return table;
  })();
  /** Longer than any plain value (7bit, 8bit, binary): not one. */
  static readonly #MAX_VALUE = 8;
  /** Bytes of the name matched so far. */
  #matched = 0;
  /** 0: matching the name; 1: before ':'; 2: before the value; 3: in the value. */
  #state = 0;
  #value = '';
  found = false;

  push(chunk: Uint8Array): void {
    const name = TransferEncodingWatch.#NAME;
    for (let i = 0; i < chunk.length && !this.found; i++) {
      const b = chunk[i]!;
      const lower = b >= 0x41 && b <= 0x5a ? b | 0x20 : b;
      switch (this.#state) {
        case 0:
          while (this.#matched > 0 && lower !== name[this.#matched]) this.#matched = TransferEncodingWatch.#FALLBACK[this.#matched]!;
          if (lower === name[this.#matched] && ++this.#matched === name.length) { this.#state = 1; this.#matched = 0; }
          break;
        case 1:
          if (b === 0x3a) this.#state = 2;
          else if (b !== 0x20 && b !== 0x09) { this.#state = 0; i--; } // (read this byte again as the name's)
          break;
        case 2:
          if (b === 0x20 || b === 0x09) break;
          this.#state = 3;
          this.#value = '';
        // falls through: the value's first byte
        case 3:
          if (b === 0x0d || b === 0x0a || b === 0x20 || b === 0x09 || b === 0x3b) {
            this.found = this.#value !== '' && this.#value !== '7bit' && this.#value !== '8bit' && this.#value !== 'binary';
            this.#state = 0;
          } else if (this.#value.length >= TransferEncodingWatch.#MAX_VALUE) {
            this.found = true;
          } else {
            this.#value += String.fromCharCode(lower);
          }
          break;
      }
    }
  }
}
