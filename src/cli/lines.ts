// Read a file (or stdin) line by line as bytes without holding it whole, with an optional
// progress bar on a TTY for large inputs.
import { createReadStream, statSync } from 'node:fs';
import { termSafe } from './term.js';

const PROGRESS_MIN_BYTES = 1 << 20;
const LF = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf];

/** Size of a readable file, or an error message (checked before any stream is opened). */
export function checkFile(file: string): string | null {
  if (file === '-') return null;
  try {
    if (!statSync(file).isFile()) return `${file}: not a file`;
    return null;
  } catch (err) {
    return `${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err)}`;
  }
}

/**
 * Split a byte stream into lines: on LF only, a CR right before the LF dropped, a UTF-8 BOM
 * at the start of the stream dropped. The bytes are not decoded: decoding them as UTF-8
 * would turn invalid or overlong sequences into U+FFFD, which is not what an application
 * reading the raw bytes sees. A lone CR stays in its line. `onChunk` gets the byte count
 * read so far. Yielded arrays may share memory with the chunks; use each before the next.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array | string>, onChunk?: (bytesRead: number) => void): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = []; // pieces of the current line, from earlier chunks
  let pendingBytes = 0;
  let read = 0;
  let first = true; // the first line has not been yielded yet (the BOM check is due)
  const line = (tail: Uint8Array): Uint8Array => {
    let out = pending.length === 0 ? tail : Buffer.concat([...pending, tail], pendingBytes + tail.length);
    pending = [];
    pendingBytes = 0;
    if (first) {
      first = false;
      if (out.length >= 3 && out[0] === BOM[0] && out[1] === BOM[1] && out[2] === BOM[2]) out = out.subarray(3);
    }
    return out;
  };
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    read += chunk.length;
    onChunk?.(read);
    let start = 0;
    for (let lf = chunk.indexOf(LF); lf >= 0; lf = chunk.indexOf(LF, start)) {
      let l = line(chunk.subarray(start, lf));
      if (l.length > 0 && l[l.length - 1] === CR) l = l.subarray(0, l.length - 1);
      start = lf + 1;
      yield l;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
    }
  }
  // A last line without LF, like readline: nothing after a final LF is a line.
  if (pendingBytes > 0) yield line(new Uint8Array(0));
}

/** The lines of FILE (or stdin for `-`) as bytes; see {@link splitLines}. */
export async function* readLines(file: string, progress: boolean): AsyncGenerator<Uint8Array> {
  const total = file === '-' ? 0 : statSync(file).size;
  const input = file === '-' ? process.stdin : createReadStream(file);
  const bar = progress && total >= PROGRESS_MIN_BYTES && process.stderr.isTTY ? new Progress(total, file) : null;
  try {
    yield* splitLines(input, bar ? (n) => bar.update(n) : undefined);
  } finally {
    bar?.done(); // also when the reader stops early (a usage error), so the message is not drawn over the bar
  }
}

class Progress {
  #last = 0;
  readonly label: string;
  constructor(readonly total: number, file: string) { this.label = termSafe(file); } // a file name is user text
  update(bytes: number): void {
    const now = Date.now();
    if (now - this.#last < 100) return;
    this.#last = now;
    const ratio = Math.min(1, bytes / this.total);
    const width = 30;
    const filled = Math.round(ratio * width);
    process.stderr.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0)}%`);
  }
  done(): void { process.stderr.write('\r\x1b[K'); }
}
