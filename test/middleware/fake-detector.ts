// Stand-in with the detector's shape, used only until the real createDetector
// is exported (helpers.testDetector prefers the real one). Substring rules.
import type { GuardDetector, GuardScanResult, GuardThreat } from '../../src/middleware/detector.js';

const RULES = [
  { ruleId: 'sqli.tautology', category: 'sqli', needle: "' or '" },
  { ruleId: 'sqli.union-select', category: 'sqli', needle: 'union select' },
  { ruleId: 'xss.tag', category: 'xss', needle: '<script' },
  { ruleId: 'path.dot-dot-slash', category: 'path', needle: '../' },
  { ruleId: 'cmdi.chained-command', category: 'cmdi', needle: '; cat ' },
];

function find(text: string, location: string): GuardThreat[] {
  const lower = text.toLowerCase();
  return RULES.filter((r) => lower.includes(r.needle)).map((r) => ({
    category: r.category, ruleId: r.ruleId, severity: 5, score: 5, offset: lower.indexOf(r.needle), length: r.needle.length, location,
  }));
}

function result(threats: GuardThreat[]): GuardScanResult {
  return { blocked: threats.length > 0, score: threats.length * 5, threats };
}

function walk(value: unknown, path: string, out: GuardThreat[]): void {
  if (typeof value === 'string') out.push(...find(value, `body:${path}`));
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, out);
}

export function createFakeDetector(): GuardDetector {
  let requests = 0;
  return {
    threshold: 5,
    createStream({ contentType }) {
      const decoder = new TextDecoder();
      let text = '';
      return {
        push(chunk) { text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }); },
        finish() {
          text += decoder.decode();
          if (contentType?.includes('json')) {
            try { const out: GuardThreat[] = []; walk(JSON.parse(text), '$', out); return result(out); } catch { /* fall through */ }
          }
          return result(find(text, 'body'));
        },
      };
    },
    analyzeRequest({ url, headers }) {
      requests++;
      const u = new URL(url, 'http://x');
      const out: GuardThreat[] = [...find(decodeURIComponent(u.pathname), 'path')];
      u.searchParams.forEach((v, k) => out.push(...find(v, `query:${k}`)));
      for (const h of ['cookie', 'user-agent', 'referer']) if (typeof headers[h] === 'string') out.push(...find(headers[h] as string, `header:${h}`));
      return result(out);
    },
    getStats: () => ({ requests }),
    healthCheck: () => ({ healthy: true, status: 'ok', checks: [] }),
  };
}
