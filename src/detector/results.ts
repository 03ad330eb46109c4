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
 * rules still count. (The scanner counts the extension only on a name in a path, `x/dump.sql`, or in
 * the request path, `/site.bak`; an upload's filename names the file sent even with a directory in it.)
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
 * `result`'s findings of one category only, each rule scored once (a value scores a rule once however often it fired).
 * `blocked` is left to the caller's threshold.
 */
export function onlyCategory(result: ScanResult, category: Threat['category']): ScanResult {
  const threats = result.threats.filter((t) => t.category === category);
  const scored = new Set<string>();
  let score = 0;
  for (const t of threats) if (!scored.has(t.ruleId)) { scored.add(t.ruleId); score += t.score; }
  const out: ScanResult = { blocked: false, score, threats };
  if (result.truncated) out.truncated = true;
  return out;
}
