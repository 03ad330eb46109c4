// An independent check set, written in session 18 by a helper from technique knowledge, without reading the corpus:
// sqlmap tamper outputs (space2comment, randomcase, between, equaltolike, greatest/least, ifnull2ifisnull, versioned
// comments, space2mysqldash/space2hash, symboliclogical, apostrophenullencode, appendnullbyte, sp_password,
// commalessmid/limit, concat2concatws, commentbeforeparentheses, plus2fnconcat, sleep2getlock, charencode), per-DBMS
// stacked, time-based, error-based and out-of-band forms (MSSQL, Oracle, PostgreSQL, SQLite, MySQL), JSON-operator
// comparisons and string arithmetic; XSS per context (attribute, JS string, URL, SVG/MathML, mutation XSS, AngularJS/Vue
// templates), HTML without script (<form action=javascript:>, <meta http-equiv=refresh>, <base href>, formaction, object,
// embed, dangling markup) and print()/document.write sinks. Every row that is also in the corpus, in an earlier probe set
// or in the red team's rt-fp values (case and spacing aside) was replaced. session18-sx-benign.jsonl holds ordinary
// input that looks dangerous: names and shops with & and apostrophes, feet/inches, maths (primes, f(x) compared, two
// functions joined), USSD codes, symbol-heavy passwords, JavaScript:Title book names, alert(s)/print(s) in prose, SQL
// words in sentences, emoticons and tag-like text, templates, URLs, filenames.
// Measured at paranoia 1 before the session's sqli/xss changes: sqli 112/115, xss 67/70, benign 61/315 blocked; after
// them: sqli 112/115, xss 69/70, benign 19/315 (paranoia 2: sqli 112 -> 112, xss 69 -> 70, benign 81 -> 57).
// Misses left at paranoia 1: string arithmetic ('' * '', ' / 1 / ': paranoia 2 on purpose); a call of four arguments compared
// with IS NOT NULL after a literal and a connective (1 AND query_to_xml('select 1',true,true,'') IS NOT NULL: the call is
// further back than the tokenizer's ring of 8 tokens reaches); '+print()+' — in a query value '+' is a space, so the
// application reads ' print() ', which leaves no string. The benign rows still blocked: prose SQL (select 2 from the options,
// Union select committee: by design at paranoia 1), a dash note after a number (555-1234 -- thanks!), waitfor delay in a
// sentence, exp(0) = 1 and sum(row) = total (exp and row are SQL words), OR between words before a comparison (members or
// guests = 10% off: left to report, as foo or id > 0 is true for every row), 2 or 3 = ambiguous, a non-ASCII prime (θ' = ω),
// JavaScript:Name alone, before "'" or after ES6 / (async), three passwords, and two cmdi rows.
// sqfix21 (red team rt-ex on these exemptions) takes three back, 19 -> 22: AND between words compared to a number (Adults and
// children > 12 pay full price, Students and seniors >= 20% discount) reads as id and ssn > 500, a boolean oracle, and
// len(name) > 0 as length(pass) > 5 (LEN is SQL Server's length) — known false positives, pinned in sqli-grammar.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { attackFloors, ordinaryCeiling, probeRows as rows } from './probe-sets.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

describe('session 18 sqli/xss check set', () => {
  const attacks = rows('session18-sx-attacks.jsonl');
  attackFloors(() => d, attacks, [['sqli', 115, 112], ['xss', 70, 69]] as const);

  // (22 -> 24 in round 2: the feet/inches dash-note exemption was taken out, rt-ex2 01, as a login such as
  // john.doe.1990' -- x y reads the same — He is 6'1" -- athletic build and TV 55" -- wall mount included are its known FPs)
  it('blocks no more of the ordinary values and look-alikes than measured (24 of 315; 61 before this session)', ordinaryCeiling(() => d, 'session18-sx-benign.jsonl', 315, 24));
});
