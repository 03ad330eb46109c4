// Read a file (or stdin) line by line without holding it whole, with an optional progress
// bar on a TTY for large inputs.
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';

const PROGRESS_MIN_BYTES = 1 << 20;

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

export async function* readLines(file: string, progress: boolean): AsyncGenerator<string> {
  const total = file === '-' ? 0 : statSync(file).size;
  const input = file === '-' ? process.stdin : createReadStream(file);
  const bar = progress && total >= PROGRESS_MIN_BYTES && process.stderr.isTTY ? new Progress(total, file) : null;
  const rl = createInterface({ input, crlfDelay: Infinity });
  let seen = 0;
  for await (const line of rl) {
    seen += Buffer.byteLength(line) + 1;
    bar?.update(seen);
    yield line;
  }
  bar?.done();
}

class Progress {
  #last = 0;
  constructor(readonly total: number, readonly label: string) {}
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
