// Operations on scan results shared by the detector and the middleware.
import type { ScanResult, Threat } from './types.js';

/**
 * `result` without the findings of one rule: each location's score loses that rule's once (a
 * value scores a rule once however often it fired). `blocked` is left to the caller's
 * threshold, except for an internal error, which blocks whatever the score.
 */
export function withoutRule(result: ScanResult, ruleId: string): ScanResult {
  if (!result.threats.some((t) => t.ruleId === ruleId)) return result;
  const threats: Threat[] = [];
  const dropped = new Set<string | undefined>();
  let score = result.score;
  for (const t of result.threats) {
    if (t.ruleId !== ruleId) threats.push(t);
    else if (!dropped.has(t.location)) {
      dropped.add(t.location);
      score -= t.score;
    }
  }
  const out: ScanResult = { blocked: threats.some((t) => t.ruleId.startsWith('internal.')), score, threats };
  if (result.truncated) out.truncated = true;
  return out;
}

/**
 * The scan of an upload's filename (multipart `filename`, scanned as a path) as it counts: less
 * `path.secret-extension`. The name a client gives the file it sends (`slides.key` — Keynote —,
 * `dump.sql`, `notes.old`) asks the server for no file; traversal, null bytes and the other path
 * rules still count. (In a URL path or a parameter such a name is a request for a backup or key:
 * there the rule stays.)
 */
export function uploadNameResult<R extends ScanResult | null>(result: R, filename?: string): R {
  if (result === null) return result;
  const r = withoutRule(result, 'path.secret-extension');
  return (filename !== undefined && OS_METADATA_OR_LOG.test(filename) ? withoutRule(r, 'path.sensitive-file') : r) as R;
}

/**
 * Upload names that are a folder's metadata or a log (`.DS_Store` rides along with every folder a Mac uploads,
 * `desktop.ini` with Windows ones; users attach `error.log` to a ticket): as a name the client gives the file it sends,
 * no request for a server's file — `path.sensitive-file` does not count for them (it does for `.htaccess`,
 * `web.config` and the like, which an upload plants to take over a folder).
 */
const OS_METADATA_OR_LOG = /^(?:\.DS_Store|desktop\.ini|[A-Za-z0-9][\w. -]*\.log)$/i;

/**
 * The scan of a `Referer` header as it counts: less `xss.js-uri` where the script scheme lies inside the address of
 * an http(s) URL the header opens with. A page of the site that was searched for "javascript: the good parts" sends
 * `Referer: https://shop.test/search?q=javascript%3A+the+good+parts` with every request it makes (same-origin
 * referrers keep the query), and the header reading sees `javascript:+the…` (a `+` is no space there). Inside an
 * http(s) address the scheme is a name of its query or path: a link to the header, its text, or its query read by a
 * URL parser runs nothing. A quote, a space, `<`, `>`, a backtick or a backslash before it ends the address (a markup
 * breakout: the rule counts as before), and so does a scheme at the value's start.
 */
export function refererResult<R extends ScanResult | null>(result: R, value: string): R {
  if (result === null || !result.threats.some((t) => t.ruleId === 'xss.js-uri')) return result;
  const address = httpAddressLength(value);
  const inside = (t: Threat): boolean => t.ruleId === 'xss.js-uri' && t.offset > 0 && t.offset + t.length <= address;
  if (!result.threats.some(inside)) return result;
  const kept = result.threats.filter((t) => !inside(t));
  if (kept.some((t) => t.ruleId === 'xss.js-uri')) return { ...result, threats: kept } as R;
  return withoutRule(result, 'xss.js-uri') as R;
}

/**
 * How many code units of `value` are an http(s) URL's address from its start (0: it opens with none): up to the first
 * byte that ends a URL in markup or prose — a quote, whitespace, `<`, `>`, a backtick, a backslash — written as it is
 * or percent-encoded, once or twice (`%22`, `%2522`), since the header reading decodes those too.
 */
function httpAddressLength(value: string): number {
  const scheme = HTTP_SCHEME.exec(value);
  if (scheme === null) return 0;
  let i = scheme[0].length;
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 0x20 || ADDRESS_END.includes(value[i]!)) break;
    if (c !== 0x25) continue;
    const at = value.slice(i + 1, i + 3) === '25' ? i + 3 : i + 1; // (%25XX: decoded twice)
    if (ENCODED_END.test(value.slice(at, at + 2))) break;
  }
  return i;
}
const HTTP_SCHEME = /^https?:\/\//i;
const ADDRESS_END = '"\'<>`\\';
/** The hex of the bytes ADDRESS_END lists, and of whitespace. */
const ENCODED_END = /^(?:22|27|3c|3e|60|5c|20|09|0a|0d|0c|0b)$/i;
