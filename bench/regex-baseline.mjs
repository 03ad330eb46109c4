// The baseline the scanner replaces: about twenty case-insensitive regexes run over
// JSON.stringify of the request object, as the original tool did. The patterns live in
// bench/lib/regex-guard.mjs (shared with the http suite) so every suite measures the same
// baseline; this module builds the request objects the way the original saw them.
import { BASELINE_HEADERS as HEADERS, PATTERNS, queryRequest, regexVerdict } from './lib/regex-guard.mjs';

export { PATTERNS };

/** The original's verdict for one query value. */
export function regexScanQuery(value) {
  return regexVerdict(queryRequest(value));
}

/** The original's verdict for a request carrying `text` as its body. */
export function regexScanBody(text) {
  return regexVerdict({ method: 'POST', url: '/submit', headers: HEADERS, body: text });
}
