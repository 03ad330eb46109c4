// Ordinary traffic written in session 24 by a helper that read neither the corpus nor the probe sets (false-positive hunt
// fp28): searches and comments in twelve languages, reviews, names, addresses, prices and units, math and code-ish text a
// non-developer types, Markdown, URLs and redirect parameters, e-mail addresses, upload names, JSON API bodies of typical
// apps (orders, profiles, rich-text editor HTML from TinyMCE/Quill/CKEditor, Slate/Draft JSON), form posts, cookies,
// User-Agent and Referer headers, GraphQL, JWTs, and SQL- or shell-like words in sentences — each in the context it
// arrives in (`context`: query values percent-encoded as a browser sends them). Rows also in the corpus or an earlier
// probe set (URL-decoded, case and spacing folded) were dropped: 692 of 4,124.
// Measured at paranoia 1: 408 of 3,432 blocked when written (077c926), 383 at the end of session 24 (fixed from it: the
// US Privacy string 1---, tokens that start with a digit and end in --, filter[status]= keys, 5~6 ranges, .DS_Store and
// *.log upload names); 355 in session 25 (Title-case names of commands only Unix has: Sales & Service, Food & Wine, Blog |
// Touch base); 331 in session 26 (an English command and a dash glued to an English word, the whole search: kill -bill,
// top -rated, make -20%; IS before a plain name: head office is closed -- call us later). Most of what is left: lists and titles naming commands Windows runs too (Dog|Cat|Bird, Java | Python | Ruby),
// lines that start with a command word (make sure, ping me), editor HTML with iframes, <meta> and <link>, config-file
// names in tickets, (select 1) labels, SQL pasted into a chat, Buy 2 or more = 10% off.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector, type ScanContext } from '../../src/index.js';

interface Row { payload: string; context: ScanContext; label: string; source: string }
const rows: Row[] = readFileSync(new URL('./probes/session24-ordinary.jsonl', import.meta.url), 'utf8')
  .split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

describe('session 24 ordinary traffic (false-positive hunt fp28), each value in its context', () => {
  it('holds 3,432 ordinary values', () => {
    expect(rows.length).toBe(3432);
    expect(rows.every((r) => r.label === 'benign')).toBe(true);
  });
  it('blocks no more of them than measured (331 of 3,432)', () => {
    const blocked = rows.filter((r) => d.scan(r.payload, { context: r.context }).blocked);
    expect(blocked.length, blocked.slice(0, 40).map((r) => `${r.context} ${JSON.stringify(r.payload).slice(0, 120)}`).join('\n')).toBeLessThanOrEqual(331);
  });
});
