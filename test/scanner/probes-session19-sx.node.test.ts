// An independent check set, written in session 19 by a helper in the shapes of the public payload lists a held-out set is
// built from, without reading the corpus: SecLists/FuzzDB generic and auth-bypass SQLi (quote-balanced tautologies, ORDER
// BY / UNION column probes, information_schema, sqlite_master, v$version, all_tables), sqlmap boundaries and techniques
// (time-based SLEEP/pg_sleep/WAITFOR/DBMS_PIPE/RANDOMBLOB/heavy joins, error-based EXTRACTVALUE/UPDATEXML/EXP/CAST/
// CONVERT/XMLType/ctxsys, boolean ORD(MID())/ASCII(SUBSTRING()), stacked xp_cmdshell/COPY FROM PROGRAM, OOB
// LOAD_FILE/UTL_HTTP/xp_dirtree), tamper outputs (versioned comments, random case, %0A/%09/%23 spacing, double URL
// encoding, GREATEST/ISNULL/CONCAT_WS), NoSQL operators and polyglots; the OWASP XSS filter-evasion cheat sheet (entity
// and whitespace-split javascript: URIs, STYLE/LINK/META/BODY BACKGROUND vectors), PortSwigger tag x event handler rows
// (animation, transition, focusin, pointer, scrollend, onbegin, ontoggle...), mXSS, AngularJS/Vue templates, and JS-string
// breakouts. Every row that was also in the corpus, in an earlier probe set or in the red team's rt-fp values (URL-decoded,
// case and spacing folded) was varied (other literals, sinks, names) or dropped. session19-sx-benign.jsonl holds what users
// send that looks like it: Irish and French names, SQL words in support requests and error messages, maths with functions,
// emoticons and tag-like text, CSS and code snippets, entity-escaped text, symbol-heavy passwords, CSV, markdown.
// Measured at paranoia 1 before the session's sqli/xss changes: sqli 219/220, xss 197/198, benign 19/390 blocked; after:
// sqli 219/220, xss 197/198, benign 17/390 (paranoia 2: 220/220, 198/198, benign 56 both times), with three exemptions: a
// call of a name SQL does not know starting the value (wB(7<tY'c), two maths functions of one letter compared (d/dx sin(x) =
// cos(x)), and IS opening the value before such a formula. A red team (rt22) then dumped a table through each of them — the
// exemption was decided at the comparison, before the quote after it: abs(x)=abs(x)' or '1, is abs(x)=abs(x)' or '1,
// x(1=id)' or '1 — so all three were reverted the same session (d/dx sin(x) = cos(x) is blocked again: benign 18/390).
// "data-binding" in prose was xss.css-expression (the -moz-binding check took any word before '-binding'); fixed by the
// sxb22 helper: the name alone reports nothing, its ':' and url( do, CSS comments in that wait skipped (-moz-binding/**/:url()
// stays blocked; -moz-binding alone in this set passes now); and at paranoia 2 IF spaced from its '(' opening the value is a
// C statement (if (n % 2 == 0) even). At the end: benign 18/390, paranoia 2 53/390.
// Misses left: char(39)+char(32)+... (a string built from CHAR() codes, no query around it — a fragment) and OWASP's
// <BODY onload!#$%&()*~+-_.,:;?@[/|\]^`=...> (an HTML5 parser ends that attribute name at '/' and reads the rest as an
// attribute named |\]^` — no handler runs). Benign rows still blocked: prose and error messages quoting SQL (SELECT ... FROM,
// information_schema, java.sql.SQLException's .sql), <script> named in prose, comparisons joined by AND/OR between
// literals (Either 1=1 or 2=2, 3 < 5 and 7 > 2), maths functions compared (d/dx sin(x) = cos(x), tan(x) = sin(x)/cos(x)),
// a dash note after a number ($5 -- not $50), and four passwords: a quote then '+::' (in a query value
// '+' is a space, so m' ::ABC is a literal cast to a type), x<p'4= (a tag and a quoted comparison), $(w) (command
// substitution) and Yy8'--9zz (quote and comment).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetector, type Detector } from '../../src/index.js';
import { attackFloors, ordinaryCeiling, probeRows as rows } from './probe-sets.js';

let d: Detector;
beforeAll(async () => { d = await createDetector({ paranoia: 1 }); });
afterAll(async () => { await d.close(); });

describe('session 19 sqli/xss check set', () => {
  const attacks = rows('session19-sx-attacks.jsonl');
  attackFloors(() => d, attacks, [['sqli', 220, 219], ['xss', 198, 197]] as const);

  it('blocks no more of the ordinary values and look-alikes than measured (18 of 390; 19 before this session)', ordinaryCeiling(() => d, 'session19-sx-benign.jsonl', 390, 18));
});
