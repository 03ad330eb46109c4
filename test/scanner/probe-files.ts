// Readers for the held-out probe files in test/scanner/probes/ (Node only: they read files).
// Two formats, one per family of files, because each lets payloads start with what the other
// uses as markup:
//   sqli.txt, xss.txt, benign-sqli-xss.txt: '## ' comments, '## @name' starts a technique group,
//     'json:' + a JSON string for a payload that needs escapes (a payload may start with '"').
//   cmdi.txt, path.txt, benign-cmdi-path.txt: '#' comments, a line starting with '"' is a JSON
//     string (a payload may start with 'json:' but never with '#').
import { readFileSync } from 'node:fs';

export interface Probe { group: string; payload: string }

const read = (name: string) => readFileSync(new URL(`./probes/${name}`, import.meta.url), 'utf8');

/** A probe file in the sqli/xss format, with each payload's technique group. */
export function groupedProbes(name: string): Probe[] {
  const out: Probe[] = [];
  let group = '';
  for (const raw of read(name).split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('## @')) { group = line.slice(4).trim(); continue; }
    if (line.startsWith('##') || line.trim() === '') continue;
    out.push({ group, payload: line.startsWith('json:') ? (JSON.parse(line.slice(5)) as string) : line });
  }
  return out;
}

/** A probe file in the cmdi/path format. */
export function plainProbes(name: string): string[] {
  return read(name).split('\n').filter((l) => l.length > 0 && !l.startsWith('#')).map((l) => (l.startsWith('"') ? (JSON.parse(l) as string) : l));
}

/** Every payload of every probe file, attacks and look-alikes, each read in its file's format. */
export function allProbePayloads(): Array<{ file: string; payload: string }> {
  const grouped = ['sqli.txt', 'xss.txt', 'benign-sqli-xss.txt'].flatMap((file) => groupedProbes(file).map((p) => ({ file, payload: p.payload })));
  const plain = ['cmdi.txt', 'path.txt', 'benign-cmdi-path.txt'].flatMap((file) => plainProbes(file).map((payload) => ({ file, payload })));
  return [...grouped, ...plain];
}
