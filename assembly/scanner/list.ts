// Many short values scanned in one call: a form body or query string of thousands of
// `name=value` pairs would otherwise cost one host call (with its fixed cost in JS and
// at the boundary) per name and per value. The host copies a stretch of the text into the
// input slot once and lists where each value lies in it; each is scanned here exactly as
// scanOnce scans it on its own, and the walk stops at the first value with findings, whose
// findings the host reads from the state block as after scanOnce.
import { scanOnce } from "./scanner";
import { quietWords } from "./json";

/** Bytes of one list entry: offset from the input, length, context (three u32). */
export const LIST_ENTRY: u32 = 12;

/**
 * Scan `count` values of the input at `input`: entry k of the list at `list` is (offset, length,
 * context), and that value is scanned as scanOnce(st, scratch, input + offset, length, context,
 * paranoia, limit) scans it. Returns the index of the first value with findings (they and its score
 * are in `st`, as scanOnce leaves them), or `count` when every value is clean. A value of quiet words
 * within the limit is clean without its scan (see quietWords: scanOnce would find nothing in it).
 */
export function scanList(st: usize, scratch: usize, input: usize, list: usize, count: u32, paranoia: u32, limit: u32): u32 {
  for (let k: u32 = 0; k < count; k++) {
    const e = list + <usize>k * LIST_ENTRY;
    const at = input + <usize>load<u32>(e);
    const len = load<u32>(e, 4);
    if (len <= limit && quietWords(at, len, len)) continue; // (room: the value alone, its end may be the slot's)
    if (scanOnce(st, scratch, at, len, load<u32>(e, 8), paranoia, limit) != 0) return k;
  }
  return count;
}
