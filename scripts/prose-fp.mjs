// A false-positive check on text nobody wrote to attack us: every distinct line (8+ chars) of
// the README.md files under node_modules (the versions package-lock.json pins), scanned in the
// body context at paranoia 1. READMEs mix prose, Markdown, shell commands and code, so some
// lines are flagged for good reason (a real `rm -rf` or `<script>`); the count is a trend to
// push down without losing detection, not a target of zero. A dev tool, not a test.
//
//   npm run build && node scripts/prose-fp.mjs [--rule RULE_ID] [--show N] [--dist DIR]
//
// --dist DIR scans with another build of dist/ (a copy taken before a change), for a before/after count.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name) => { const i = process.argv.indexOf(name); return i < 0 ? undefined : process.argv[i + 1]; };
const { createDetector } = await import(pathToFileURL(resolve(arg('--dist') ?? join(root, 'dist')) + '/index.js').href);
const onlyRule = arg('--rule');
const show = Number(arg('--show') ?? 3);

const files = [];
(function walk(dir, depth) {
  if (depth > 3) return;
  let entries;
  try { entries = readdirSync(dir).sort(); } catch { return; }
  for (const e of entries) {
    const p = join(dir, e);
    let s;
    try { s = statSync(p); } catch { continue; }
    if (s.isDirectory()) walk(p, depth + 1);
    else if (/^readme\.md$/i.test(e)) files.push(p);
  }
})(join(root, 'node_modules'), 0);

const detector = await createDetector({ paranoia: 1 });
const seen = new Set();
const byRule = new Map();
let lines = 0;
let blocked = 0;
for (const f of files) {
  for (const raw of readFileSync(f, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.length < 8 || seen.has(line)) continue;
    seen.add(line);
    lines++;
    const r = detector.scan(line, { context: 'body' });
    if (!r.blocked) continue;
    blocked++;
    for (const id of new Set(r.threats.map((t) => t.ruleId))) {
      if (!byRule.has(id)) byRule.set(id, []);
      byRule.get(id).push(line);
    }
  }
}
console.log(`${files.length} README files, ${lines} distinct lines, ${blocked} blocked (${((blocked / lines) * 100).toFixed(2)} %)`);
for (const [id, hits] of [...byRule].sort((a, b) => b[1].length - a[1].length)) {
  if (onlyRule && id !== onlyRule) continue;
  console.log(`${String(hits.length).padStart(5)}  ${id}`);
  for (const h of hits.slice(0, show)) console.log(`         ${JSON.stringify(h.slice(0, 120))}`);
}
await detector.close();
