// application/x-www-form-urlencoded values decoded as the application's parser decodes them.

/**
 * `bytes` percent-decoded as URLSearchParams (and so Express, Fastify, Hono and qs) decodes a
 * form or query value: `+` is a space, `%` and two hex digits a byte, any other `%` itself —
 * never an error, since those parsers never throw on a malformed escape either.
 */
export function formDecode(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x2b) {
      out[n++] = 0x20;
      continue;
    }
    if (c === 0x25 && i + 2 < bytes.length) {
      const hi = hexValue(bytes[i + 1]!);
      const lo = hexValue(bytes[i + 2]!);
      if (hi >= 0 && lo >= 0) {
        out[n++] = (hi << 4) | lo;
        i += 2;
        continue;
      }
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** Does `bytes[at, end)` open with '{' or '[', as sent or percent-encoded (%7B %5B)? A form value the application may JSON.parse. */
export function startsLikeJsonValue(bytes: Uint8Array, at: number, end: number): boolean {
  if (at >= end) return false;
  const c = bytes[at]!;
  if (c === 0x7b || c === 0x5b) return true;
  if (c !== 0x25 || at + 2 >= end) return false;
  const hi = bytes[at + 1]!;
  const lo = bytes[at + 2]! | 0x20;
  return (hi === 0x37 || hi === 0x35) && lo === 0x62;
}
