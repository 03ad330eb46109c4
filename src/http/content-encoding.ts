// Request bodies sent with Content-Encoding. A body parser later in the chain
// (Express's express.json(), for one) inflates a gzip body before the
// application sees it, so the guard must scan the inflated bytes, not the
// compressed ones: otherwise gzip is a way around every rule. The guard
// decodes what it can and refuses what it cannot (415), never passing on a
// body it did not read. The application still gets the bytes as sent.

import { concatBytes } from './bytes.js';
import { encodedLength, gzipMemberEnds } from './encoded-length.js';

/** A decompressor as a pair of web streams: `DecompressionStream`, or a Node zlib stream through `Duplex.toWeb`. */
export interface Decompressor {
  readonly writable: WritableStream<Uint8Array>;
  readonly readable: ReadableStream<Uint8Array>;
}

/** A decompressor for one content coding (lower case), or undefined when this runtime has none. */
export type DecompressorFactory = (coding: string) => Decompressor | undefined;

/**
 * Codings stacked deeper than this are refused. One, as body-parser takes (it answers 415 to
 * more): a middle stage's output is bounded by nothing the client sends — a deflate stream of
 * empty blocks inside gzip held over a gigabyte for a 1 MiB request.
 */
export const MAX_CODINGS = 1;

// (a Map: the coding is the client's, and an object would answer 'constructor' from its prototype)
const WEB_FORMATS = new Map([['gzip', 'gzip'], ['x-gzip', 'gzip'], ['deflate', 'deflate'], ['br', 'brotli']]);

/** The runtime's own `DecompressionStream` (gzip and deflate everywhere; brotli where the runtime has it). */
export const webDecompressor: DecompressorFactory = (coding) => {
  const format = WEB_FORMATS.get(coding);
  if (format === undefined || typeof DecompressionStream !== 'function') return undefined;
  let stream: Decompressor;
  try {
    stream = new DecompressionStream(format as CompressionFormat) as unknown as Decompressor; // (its writable takes any BufferSource)
  } catch {
    return undefined; // e.g. no brotli in Node 20's DecompressionStream
  }
  if (format !== 'gzip') return endChecked(coding, stream);
  if (readsAllMembers === undefined) probeMembers();
  return readsAllMembers === true ? endChecked(coding, stream) : gzipByMember(stream);
};

/** Two gzip members, of 'a' and of 'b'. */
const TWO_MEMBERS = new Uint8Array([
  31, 139, 8, 0, 0, 0, 0, 0, 0, 3, 75, 4, 0, 67, 190, 183, 232, 1, 0, 0, 0,
  31, 139, 8, 0, 0, 0, 0, 0, 0, 3, 75, 2, 0, 249, 239, 190, 113, 1, 0, 0, 0,
]);

/**
 * Does this runtime's DecompressionStream('gzip') inflate every member of a body? Node's (zlib)
 * does; Deno's and Chromium's fail after the first. Learnt once, from two tiny members, at the
 * first gzip body (not at import: workers allow no I/O in global scope). Until then, and where it
 * does not, members are inflated one by one (gzipByMember), which costs a stream per member.
 */
let readsAllMembers: boolean | undefined;
let probing = false;

function probeMembers(): void {
  if (probing) return;
  probing = true;
  try {
    const stream = new DecompressionStream('gzip');
    new Response(new Blob([TWO_MEMBERS]).stream().pipeThrough(stream)).text()
      .then((text) => { readsAllMembers = text === 'ab'; }, () => { readsAllMembers = false; });
  } catch {
    readsAllMembers = false;
  }
}

/**
 * Members one gzip body may have where they are inflated one by one (a DecompressionStream each:
 * 52,000 empty members in 1 MiB cost seconds). Files concatenated with `cat` have a few; past
 * this the body does not decode (400), as one with bytes after its last member does not.
 */
export const MAX_GZIP_MEMBERS = 1024;

/** Where in `bytes`, from `from`, gzip's magic (1f 8b 08) starts or a beginning of it ends `bytes`; else `bytes.length`. */
function magicAt(bytes: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(0x1f, from); at >= 0; at = bytes.indexOf(0x1f, at + 1)) {
    if ((at + 1 >= bytes.length || bytes[at + 1] === 0x8b) && (at + 2 >= bytes.length || bytes[at + 2] === 8)) return at;
  }
  return bytes.length;
}

/** A reader of the inflated bytes of one whole gzip member. */
function memberReader(member: Uint8Array): ReadableStreamDefaultReader<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // (errors, such as a bad CRC, reappear at the reader)
  writer.write(member as Uint8Array<ArrayBuffer>).catch(ignore);
  writer.close().catch(ignore);
  return stream.readable.getReader();
}

/**
 * A web gzip body inflated member by member. RFC 1952 lets a body be several gzip members one
 * after another (`cat a.gz b.gz`, pigz) and Node's zlib, so express.json(), inflates them all,
 * but Deno's and Chromium's DecompressionStream fail at the bytes after the first member. So
 * `first` is given the first member only: the body goes to it as it comes until gzip's magic
 * shows where a second member may start (in compressed bytes, about once in 16 MiB); the rest
 * waits for the body's end, when the walk (gzipMemberEnds) tells where each member ends, and
 * each later member has a DecompressionStream of its own. Bytes after the last member fail it
 * with {@link TrailingBytesError}, as {@link endChecked} does. (Exported for tests.)
 * @internal
 */
export function gzipByMember(first: Decompressor): Decompressor {
  const chunks: Uint8Array[] = [];
  let total = 0;
  /** Bytes given to `first` so far. */
  let fed = 0;
  /** The last bytes written, when they may begin gzip's magic: not given to `first` until the next chunk tells. */
  let partial: Uint8Array = new Uint8Array(0);
  /** Gzip's magic was seen: what follows waits for the body's end. */
  let held = false;
  /** The whole body and where its members end, once it has all been written. */
  let body: Uint8Array | undefined;
  let ends: number[] = [];
  /** The member to inflate once the current one is done. */
  let next = 1;
  let cancelled = false;
  const writer = first.writable.getWriter();
  let reader = first.readable.getReader();
  const writable = new WritableStream<Uint8Array>({
    write(chunk) {
      chunks.push(chunk); // (kept: the walk reads the whole body at its end)
      total += chunk.length;
      if (held) return;
      const bytes = partial.length === 0 ? chunk : concatBytes([partial, chunk]);
      // (bytes[0] is the body's byte `fed`: the first member's own magic is not a second member's)
      const stop = magicAt(bytes, fed === 0 ? 1 : 0);
      held = stop + 3 <= bytes.length;
      partial = bytes.subarray(stop);
      fed += stop;
      return stop === 0 ? undefined : writer.write(bytes.subarray(0, stop));
    },
    close() {
      body = concatBytes(chunks);
      chunks.length = 0;
      const walked = gzipMemberEnds(body);
      if (walked?.at(-1) !== total || walked.length > MAX_GZIP_MEMBERS) {
        const error = walked === undefined ? new Error('not a whole gzip stream')
          : walked.length > MAX_GZIP_MEMBERS ? new Error(`more than ${MAX_GZIP_MEMBERS} gzip members`) : new TrailingBytesError('gzip');
        writer.abort(error).catch(ignore); // (the readable fails with it)
        throw error;
      }
      ends = walked;
      if (ends[0]! > fed) writer.write(body.subarray(fed, ends[0])).catch(ignore);
      return writer.close();
    },
    abort(reason) { return writer.abort(reason); },
  });
  const readable = new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const { done, value } = await reader.read();
        if (cancelled) return;
        if (!done) return controller.enqueue(value);
        // (a member is done only after the body's end, so the members' ends are known)
        if (next >= ends.length) return controller.close();
        reader = memberReader(body!.subarray(ends[next - 1], ends[next]));
        next++;
      }
    },
    cancel(reason) {
      cancelled = true;
      return reader.cancel(reason);
    },
  });
  return { writable, readable };
}

/** The error a decoder ends with when bytes follow the end of the encoded stream. */
export class TrailingBytesError extends Error {
  constructor(coding: string) {
    super(`bytes after the end of the ${coding} stream`);
    this.name = 'TrailingBytesError';
  }
}

/**
 * `inner`, made to fail with {@link TrailingBytesError} when bytes follow the end of the encoded
 * stream. Decoders stop at that end and drop the rest without an error (Node's for deflate
 * always, and for gzip after zero bytes), while a parser that does not inflate reads it as part
 * of the body: an attack written after a tiny compressed stream would pass unscanned. The end is
 * found by `consumed()` (a zlib stream's count of the bytes it took) or, for gzip and deflate, by
 * walking the stream (encoded-length.ts); for a coding neither can tell (web brotli), `inner`
 * as it is.
 */
export function endChecked(coding: string, inner: Decompressor, consumed?: () => number): Decompressor {
  const measurable = consumed !== undefined || coding === 'gzip' || coding === 'x-gzip' || coding === 'deflate';
  if (!measurable) return inner;
  const written: Uint8Array[] = [];
  let total = 0;
  const writer = inner.writable.getWriter();
  const writable = new WritableStream<Uint8Array>({
    write(chunk) {
      if (consumed === undefined) written.push(chunk); // (kept: the walk reads the whole stream at the end)
      total += chunk.length;
      return writer.write(chunk);
    },
    close() { return writer.close(); },
    abort(reason) { return writer.abort(reason); },
  });
  const readable = inner.readable.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
    flush(controller) {
      const end = consumed !== undefined ? consumed() : encodedLength(concatBytes(written), coding);
      if (end !== total) controller.error(new TrailingBytesError(coding));
    },
  }));
  return { writable, readable };
}

/** Runs of text this long or longer in compressed bytes are read as text too (see {@link textRuns}). */
export const MIN_TEXT_RUN = 16;

/**
 * The runs of printable text (ASCII 0x20-0x7e, tab, CR, LF) of MIN_TEXT_RUN bytes or more in
 * compressed bytes. A parser that does not inflate (Fastify's, `request.text()`) reads the body
 * as sent, and a compressed stream's own bytes can spell an attack in clear (a Huffman code that
 * gives each byte its own 8 bits, a brotli metadata block) while inflating yields something
 * else; compressed data holds such a run rarely (about one in ten million positions), so these
 * runs are scanned as text as well.
 */
export function textRuns(bytes: Uint8Array, min = MIN_TEXT_RUN): Uint8Array[] {
  const runs: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : 0;
    if ((b >= 0x20 && b <= 0x7e) || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    if (i - start >= min) runs.push(bytes.subarray(start, i));
    start = i + 1;
  }
  return runs;
}

/**
 * The texts an application that does not inflate reads in a body sent with `codings`, which
 * inflating skips: gzip's header texts (see {@link gzipHeaderTexts}) and runs of text in the
 * compressed bytes (see {@link textRuns}). The guard scans them as well as the inflated body.
 */
export function textsAsSent(bytes: Uint8Array, codings: string[]): Uint8Array[] {
  const runs = textRuns(bytes);
  return codings.some((c) => c === 'gzip' || c === 'x-gzip') ? [...gzipHeaderTexts(bytes), ...runs] : runs;
}

/** The error {@link inflateBody} rejects with when a coding cannot be decoded in this runtime. */
export class UnsupportedCodingError extends Error {
  constructor(coding: string) {
    super(`content coding not supported here: ${coding}`);
    this.name = 'UnsupportedCodingError';
  }
}

/**
 * The codings of a Content-Encoding header in the order the sender applied them, lower case,
 * `identity` left out. Empty: the body is sent as is.
 */
export function contentCodings(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  const text = Array.isArray(header) ? header.join(',') : header;
  const codings: string[] = [];
  for (const part of text.split(',')) {
    const coding = part.trim().toLowerCase();
    if (coding !== '' && coding !== 'identity') codings.push(coding);
  }
  return codings;
}

/**
 * Decodes a body chunk by chunk, in the background: `write` hands a chunk over and returns,
 * `onChunk` gets the decoded bytes as they come out (and returns false to stop), and
 * `close` resolves once all of it has come out, or rejects when the body does not decode.
 */
export class BodyDecoder {
  readonly #writer: WritableStreamDefaultWriter<Uint8Array>;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #done: Promise<void>;

  /** `stages`: one decompressor per coding, the last-applied coding's first. */
  constructor(stages: Decompressor[], onChunk: (decoded: Uint8Array) => boolean) {
    for (let i = 0; i + 1 < stages.length; i++) stages[i]!.readable.pipeTo(stages[i + 1]!.writable).catch(ignore);
    this.#writer = stages[0]!.writable.getWriter();
    this.#reader = stages[stages.length - 1]!.readable.getReader();
    this.#done = this.#pump(onChunk);
    this.#done.catch(ignore); // (a request released early never asks; its rejection is not news)
  }

  async #pump(onChunk: (decoded: Uint8Array) => boolean): Promise<void> {
    for (;;) {
      const { done, value } = await this.#reader.read();
      if (done) return;
      if (!onChunk(value)) {
        this.abort();
        return;
      }
    }
  }

  write(chunk: Uint8Array): void {
    // (a write's own rejection reappears as the reader's error, which close() reports)
    this.#writer.write(chunk).catch(ignore);
  }

  /** The body is all written: resolves when every decoded byte has been handed on. */
  close(): Promise<void> {
    this.#writer.close().catch(ignore);
    return this.#done;
  }

  /** Stop decoding (the request is over or refused). */
  abort(): void {
    this.#writer.abort().catch(ignore);
    this.#reader.cancel().catch(ignore);
  }
}

function ignore(): void {}

/**
 * A whole body inflated (`codings` in the order the sender applied them), keeping at most
 * `cap + 1` bytes: a caller that sees more than `cap` knows the body is over its limit
 * without the rest being inflated. Rejects when a coding cannot be decoded here, there are
 * more than {@link MAX_CODINGS}, or the body does not inflate.
 */
export async function inflateBody(bytes: Uint8Array, codings: string[], cap: number, decompress: DecompressorFactory = webDecompressor): Promise<Uint8Array> {
  if (codings.length > MAX_CODINGS) throw new Error('too many content codings');
  const stages: Decompressor[] = [];
  for (let i = codings.length - 1; i >= 0; i--) {
    const stage = decompress(codings[i]!);
    if (stage === undefined) throw new UnsupportedCodingError(codings[i]!);
    stages.push(stage);
  }
  let buffer = new Uint8Array(Math.min(cap + 1, Math.max(bytes.length * 4, 1024)));
  let length = 0;
  const decoder = new BodyDecoder(stages, (decoded) => {
    const take = Math.min(decoded.length, cap + 1 - length);
    if (length + take > buffer.length) {
      const grown = new Uint8Array(Math.min(cap + 1, Math.max(buffer.length * 2, length + take)));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(decoded.subarray(0, take), length);
    length += take;
    return length <= cap;
  });
  decoder.write(bytes);
  await decoder.close();
  return buffer.subarray(0, length);
}

/**
 * The text fields of every gzip member header in `bytes` (RFC 1952: FEXTRA, FNAME, FCOMMENT).
 * Inflating skips them, but an application that does not inflate (Fastify's text parser,
 * request.text()) reads them as part of the body; so they are scanned as text too. Members
 * are found by their magic bytes anywhere, since a later member's place is only known by
 * inflating the ones before it.
 */
export function gzipHeaderTexts(bytes: Uint8Array): Uint8Array[] {
  const texts: Uint8Array[] = [];
  // The search goes on after a header's last field, never inside it: each byte is in one text
  // at most (a field full of fake headers is one text, not one per fake header: linear).
  let from = 0;
  for (let at = bytes.indexOf(0x1f); at >= 0 && at + 10 <= bytes.length; at = bytes.indexOf(0x1f, Math.max(at + 1, from))) {
    if (bytes[at + 1] !== 0x8b || bytes[at + 2] !== 8) continue;
    const flags = bytes[at + 3]!;
    if ((flags & 0x1c) === 0 || (flags & 0xe0) !== 0) continue; // (no text fields; or reserved bits: not a header)
    let p = at + 10;
    if (flags & 0x04 && p + 2 <= bytes.length) { // FEXTRA: a length, then that many bytes
      const length = bytes[p]! | (bytes[p + 1]! << 8);
      texts.push(bytes.subarray(p + 2, Math.min(bytes.length, p + 2 + length)));
      p += 2 + length;
    }
    for (const flag of [0x08, 0x10]) { // FNAME, FCOMMENT: zero-terminated
      if (!(flags & flag) || p >= bytes.length) continue;
      let end = bytes.indexOf(0, p);
      if (end < 0) end = bytes.length;
      texts.push(bytes.subarray(p, end));
      p = end + 1;
    }
    from = p;
  }
  return texts;
}
