// The baseline the scanner replaces: about twenty case-insensitive regexes run over
// JSON.stringify of the request object, as the original tool did. The patterns live in
// bench/lib/regex-guard.mjs (shared with the http suite) so every suite measures the same
// baseline; this module builds the request objects the way the original saw them.
import { PATTERNS, regexVerdict } from './lib/regex-guard.mjs';

export { PATTERNS };

const HEADERS = { host: 'shop.example', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)', accept: 'text/html' };

/** The original's verdict for one query value. */
export function regexScanQuery(value) {
  return regexVerdict({ method: 'GET', url: `/search?q=${value}`, headers: HEADERS, query: { q: value } });
}

/** The original's verdict for a request carrying `text` as its body. */
export function regexScanBody(text) {
  return regexVerdict({ method: 'POST', url: '/submit', headers: HEADERS, body: text });
}
