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
// top -rated, make -20%; IS before a plain name: head office is closed -- call us later); 327 in session 27 (a bare file name
// with a backup's or key's extension, backup.sql in a Content-Disposition header, is no path). Most of what is left: lists and titles naming commands Windows runs too (Dog|Cat|Bird, Java | Python | Ruby),
// lines that start with a command word (make sure, ping me), editor HTML with iframes, <meta> and <link>, config-file
// names in tickets, (select 1) labels, SQL pasted into a chat, Buy 2 or more = 10% off.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector, type ScanContext } from '../../src/index.js';

interface Row { payload: string; context: ScanContext; label: string; source: string }
const probes = (name: string): Row[] => readFileSync(new URL(`./probes/${name}.jsonl`, import.meta.url), 'utf8')
  .split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

/** A set of ordinary values, each scanned in its context, blocks no more of them than measured. */
function pinned(rows: Row[], size: number, measured: number): void {
  it(`holds ${size} ordinary values`, () => {
    expect(rows.length).toBe(size);
    expect(rows.every((r) => r.label === 'benign')).toBe(true);
  });
  it(`blocks no more of them than measured (${measured} of ${size})`, () => {
    const blocked = rows.filter((r) => d.scan(r.payload, { context: r.context }).blocked);
    expect(blocked.length, blocked.slice(0, 40).map((r) => `${r.context} ${JSON.stringify(r.payload).slice(0, 120)}`).join('\n')).toBeLessThanOrEqual(measured);
  });
}

describe('session 24 ordinary traffic (false-positive hunt fp28), each value in its context', () => {
  pinned(probes('session24-ordinary'), 3432, 327);
});

// Session 26's hunt (helper fp30): 5,254 values written fresh from what users and clients send — reviews and support
// messages in several styles and languages, searches, names, addresses, passwords, titles, recipes, code and SQL as pasted
// in chats, markdown, file names, URLs, API fields, headers — each in its context (query and form values encoded as
// browsers send them). Measured at paranoia 1: 220 blocked when written (fca28da), 204 after the IS, IN and LIKE change,
// 155 once a bare file name (dump.sql, Pitch Deck.key, notes.old) was no path to a file (session 27), 154 once a mention
// after a word before a spaced dash (ping @anna -- done) was a message, 152 once one word ending a sentence after such a
// dash was (Parking is $35/night -- ouch., session 28). (WHERE before a number compared to a name — Rating
// where 1=bad — and a variable opening the value — @mike -- thanks — were excused too, until red team rt35 ran them as
// SQL: they stay blocked.)
// Most of what is left: technical text (pasted SQL and shell, code spans), rating scales ("where 1=bad and 10=great"),
// heights before a dash (I'm 6'2" -- the XL…), "; make sure" after a semicolon.
describe('session 26 ordinary traffic (false-positive hunt fp30), each value in its context', () => {
  pinned(probes('session26-ordinary'), 5254, 152);
});
