// Scratch: analyzeRequest min/median time of a 256 KiB form of tiny fields, an 8 KiB query, a JSON array of 40,000 small strings, prose, plain text.
//   node bench/scratch-request-cost.mjs DISTDIR
const dist = process.argv[2];
const { createDetector } = await import(dist + '/index.js');
const d = await createDetector();
const n = 256 * 1024;
let form = ''; for (let k = 0; form.length < n; k++) form += (k ? '&' : '') + 'a' + (k % 10) + '=v';
form = form.slice(0, n);
const mk = (body, type) => ({ method: 'POST', url: '/x', headers: { 'content-type': type, 'content-length': String(body.length) }, body });
const cases = {
  form: mk(form, 'application/x-www-form-urlencoded'),
  'query (8 KiB, ~1,300 pairs)': { method: 'GET', url: '/x?' + form.slice(0, 8192), headers: {} },
  'json array': mk(JSON.stringify(Array.from({ length: 40000 }, (_, i) => 'v' + (i % 10))), 'application/json'),
  'prose text': mk('The quick brown fox jumps over the lazy dog. '.repeat(n / 45), 'text/plain'),
  'plain text': mk('x'.repeat(n), 'text/plain'),
};
for (const [name, req] of Object.entries(cases)) {
  for (let i = 0; i < 5; i++) await d.analyzeRequest(req);
  const ts = [];
  for (let i = 0; i < 25; i++) { const t0 = performance.now(); await d.analyzeRequest(req); ts.push(performance.now() - t0); }
  ts.sort((a, b) => a - b);
  console.log(name.padEnd(28), 'min', ts[0].toFixed(2), 'median', ts[12].toFixed(2), 'ms');
}
