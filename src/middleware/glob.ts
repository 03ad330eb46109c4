// Glob matching for rule exclusions. User strings never become a RegExp: a
// pattern like `a*a*a*a*b` compiled to a backtracking regex is a ReDoS on the
// hot path. This is the classic two-pointer wildcard match: it remembers only
// the last `*`, so it runs in O(pattern × input) time at worst, no allocation.

/**
 * True when `input` matches `pattern`, where `*` matches any run of characters
 * (also `/` and `.`) and `?` matches exactly one; everything else is literal.
 */
export function globMatch(pattern: string, input: string): boolean {
  let p = 0;
  let s = 0;
  let star = -1;
  let resume = 0;
  while (s < input.length) {
    const c = p < pattern.length ? pattern.charCodeAt(p) : -1;
    if (c === 63 /* ? */ || (c !== 42 /* * */ && c === input.charCodeAt(s))) {
      p++;
      s++;
    } else if (c === 42) {
      star = p++;
      resume = s;
    } else if (star >= 0) {
      p = star + 1;
      s = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern.charCodeAt(p) === 42) p++;
  return p === pattern.length;
}
