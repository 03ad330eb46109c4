// The regex middleware of the http suite, written the way the original was:
// about twenty case-insensitive regexes run over JSON.stringify of the request
// (url, headers and parsed body). Used only as the baseline in bench/http.mjs.
export const PATTERNS = [
  /\bunion\b[\s\S]*\bselect\b/i,
  /\bselect\b[\s\S]*\bfrom\b/i,
  /\binsert\b[\s\S]*\binto\b/i,
  /\bdrop\s+table\b/i,
  /\bdelete\s+from\b/i,
  /['"]\s*(or|and)\s+['"\d]/i,
  /\bor\s+1\s*=\s*1\b/i,
  /\b(sleep|benchmark|waitfor\s+delay)\s*\(/i,
  /;\s*(shutdown|exec|xp_cmdshell)\b/i,
  /<\s*script\b/i,
  /javascript\s*:/i,
  /\bon(error|load|click|mouseover|focus)\s*=/i,
  /<\s*(iframe|object|embed|svg|img)\b[^>]*>/i,
  /\b(document\.cookie|eval\s*\(|alert\s*\()/i,
  /(\.\.\/|\.\.\\)/i,
  /%2e%2e(%2f|%5c)/i,
  /\/etc\/(passwd|shadow)/i,
  /[;&|`]\s*(cat|ls|id|whoami|wget|curl|nc|bash|sh)\b/i,
  /\$\([^)]*\)/i,
  /\b(cmd\.exe|powershell)\b/i,
];

/** true when any pattern matches the request ({ url, headers, query?, body? }, body already parsed) */
export function regexVerdict(request) {
  const text = JSON.stringify(request);
  for (const re of PATTERNS) if (re.test(text)) return true;
  return false;
}

/** The headers of the baseline's requests (three, as a browser sends). */
export const BASELINE_HEADERS = { host: 'shop.example', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)', accept: 'text/html' };

/**
 * The request the original saw for one query value: its url carries the query string and its
 * parsed query the value again. Every suite builds the baseline's query requests with this, so
 * "regex payloads/s" means one thing everywhere.
 */
export function queryRequest(value) {
  return { method: 'GET', url: `/search?q=${value}`, headers: BASELINE_HEADERS, query: { q: value } };
}
