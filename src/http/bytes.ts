// Joining byte arrays: the body readers carry a chunk's tail over to the next chunk.

/** `a` then `b` in one array (`b` itself when `a` is empty). */
export function joinBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** All of `parts`, in order, in one array (the part itself when there is only one). */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The first byte of `bytes` that is not whitespace or part of a UTF-8 BOM; -1 when none (does a body start like JSON?). */
export function firstSignificantByte(bytes: Uint8Array): number {
  for (const b of bytes) {
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf) return b;
  }
  return -1;
}
