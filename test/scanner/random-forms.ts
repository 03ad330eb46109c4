// Random form bodies for the batch tests (pairs-batch.test.ts, form-body-batch.test.ts).

// (the benches' seeded generator: mulberry32, so a failure names a form that can be made again)
export { rng } from '../../bench/lib/harness.mjs';

export const PIECES = [
  '', 'a0', 'v', 'id', 'name', 'q', 'page', '42', '0x1f', 'hello world', 'John+Smith', 'a%20b', '%', 'x%2',
  "1' or '1'='1", '1%27+or+%271%27%3D%271', '<script>alert(1)</script>', '%3Cimg+src%3Dx+onerror%3Dalert(1)%3E',
  '../../etc/passwd', '..%2f..%2fetc%2fpasswd', '$(id)', ';cat /etc/passwd', "' union select password from users--",
  "f[1' OR '1'='1]", 'a]', ']', '[', '{"$gt":""}', '$where', 'select', 'union', 'or', 'and 1=1',
  'é', '日本語', '😀', '\ud800', 'caf\u00e9 <svg onload=x>', "d'Arcy", 'O\u2019Brien', '\u0000', '%00', '+', '++',
  // (values that are JSON documents, which the readers also read value by value)
  '{"id":"1 or 1"}', '%7B%22q%22%3A%22%3Csvg+onload%3Dx%3E%22%7D', '[%22x%22,%22;%20ip%20a%22]', '{"note":"it\'s"}', '%5B1,2%5D',
];

export function piece(r: () => number): string {
  const x = r();
  if (x < 0.03) {
    // a value longer than the engine's input slot (or near it), some with an attack at the end
    const n = 4000 + Math.floor(r() * 70000);
    const body = (r() < 0.5 ? 'x' : 'word ').repeat(Math.ceil(n / 5)).slice(0, n);
    return r() < 0.5 ? body : body + (r() < 0.5 ? "' or 1=1--" : ' é <script>x</script>');
  }
  if (x < 0.5) return PIECES[Math.floor(r() * PIECES.length)]!;
  let s = '';
  const len = Math.floor(r() * 12);
  for (let i = 0; i < len; i++) s += PIECES[Math.floor(r() * PIECES.length)]!.slice(0, 1 + Math.floor(r() * 4)) + (r() < 0.2 ? ']' : '');
  return s;
}

/** A random form: pairs joined by '&', some without '=', some with several, some empty. */
export function form(r: () => number, pairs: number): string {
  const parts: string[] = ['z=0']; // (never starts like JSON: that reading is not this test's business)
  for (let i = 0; i < pairs; i++) {
    const y = r();
    if (y < 0.05) parts.push('');
    else if (y < 0.12) parts.push(piece(r));
    else if (y < 0.2) parts.push(`${piece(r)}=${piece(r)}=${piece(r)}`);
    else if (y < 0.25) parts.push(`${piece(r)}]=${piece(r)}`);
    else if (y < 0.3) parts.push(`a[${piece(r)}]=${piece(r)}]=${piece(r)}`);
    else parts.push(`${piece(r)}=${piece(r)}`);
  }
  return parts.join('&');
}
