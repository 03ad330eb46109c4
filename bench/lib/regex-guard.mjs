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
