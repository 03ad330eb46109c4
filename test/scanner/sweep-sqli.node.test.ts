// SQL injection swept combinatorially, the way fuzz lists are generated: sqlmap's boundaries
// (prefix x suffix pairs at its clause levels, appended to the original value, replacing it by a
// negative one, or replacing it) x its payload families per DBMS (boolean, error-based, inline,
// stacked, time-based, UNION column walks) for MySQL, PostgreSQL, MSSQL, Oracle and SQLite; the
// payloads again under sqlmap's tamper scripts (space2comment, randomcase, between, charencode,
// equaltolike, ...); and the usual auth-bypass list x quotes x comment styles x tampers. Written
// from those tools' published grammars and the DBMS cheat sheets, none from the development
// corpus. The benign sweep is ordinary values of the same shapes: apostrophes and quotes in
// names and text, and/or/select/union/order by in prose, measurements, search queries.
// Measured when written (round 10, unchanged build): sqlmap boundaries x families 4,273/4,273;
// tampers 3,865/4,016; auth bypass 1,771/1,931; ordinary values 40/625 flagged (29 'word -- thanks',
// 10 'SELECT * FROM is a query ...', 1 'AND/OR logic gates'). Round 10b (written after the first fixes, measured on the unchanged build too):
// UNION obfuscations 1,089/1,089, blind fuzz shapes 352/352, clauses 91/92, NoSQL 167/170, MySQL type
// juggling 168/528, comments glued to a word 115/160. Now: tampers 3,931, auth 1,831, juggling 350,
// glued comments 160, ordinary values 18/625. Round 11 (decode.ts: ASP percent runs, a NUL that ends the value):
// tampers 4,000, auth 1,881.
// What is left, and why it stays:
// - tamper 'percentage' (%S%E%L%E%C%T, 69): blocked since round 11 (decode.ts drops the '%' of a run of
//   two or more '%'+non-hex pairs, as ASP/IIS does; a lone one stays: 50%off).
// - tamper 'escapequotes' with double quotes (16): 1\" AND ... AND \"rTmb\"=\"rTmb — "…" is a string only in
//   MySQL, where \" escapes the quote; elsewhere the suffix's \" is a backslash outside a literal: a syntax error.
// - auth bypass (50): a lone quote (admin', ')) ) is a syntax-error probe, no attack; x' or true and ' or 1
//   with no comment leave the application's closing quote after true/1 (a syntax error). (The 50 ...%00 rows
//   are blocked since round 11: a NUL the value ends in ends the query after a break-out, as '--' would.)
// - clauses (1): 1 INTO @a,@b,@c (MySQL: counts the columns by an error message, reads nothing): genuine but
//   weak, a number, INTO and @-names; not taken up in this round.
// - NoSQL (3): 1; return true, this.password.match(/^a.*$/), db.users.find({}) — JavaScript with no break-out
//   or operator key: it is only an attack where the whole value is a $where expression (ssjs.ts' domain).
// - juggling (178): no tautology. '+' in a query value is a space; x/0 and x%0 are NULL; ' or ''-' is
//   or 0 (false); '||' is OR of two false terms, DIV by 0 is NULL, XOR of two zeros is 0.
// - ordinary values still flagged (18): 'SELECT * FROM is a query ...' (10, a statement head, kept on
//   purpose), 'word -- thanks' after a number, a comparison or an address (7), 'AND/OR logic gates' quoted.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { createArena, createDetector, type Detector } from '../../src/index.js';
// (the benches' deterministic PRNG, mulberry32, for randomcase and the like: the sweep is the same every run)
import { rng } from '../../bench/lib/harness.mjs';

// SWEEP_WASM=/tmp/before.wasm measures another build; SWEEP_DUMP=/tmp/x writes the misses to /tmp/x-NAME.txt;
// SWEEP_PARANOIA=2 measures paranoia 2 (the pins are paranoia 1's).
let d: Detector;
beforeAll(async () => {
  const wasm = process.env.SWEEP_WASM;
  const paranoia = process.env.SWEEP_PARANOIA === '2' ? 2 : 1;
  d = wasm ? await createDetector({ paranoia, arena: await createArena({ wasm: readFileSync(wasm) }) }) : await createDetector({ paranoia });
});
afterAll(async () => { await d.close(); });

const blocked = (p: string): boolean => d.scan(p, { context: 'query' }).blocked;


// ---- sqlmap boundaries: [prefix, suffix] around a test body; the body is " AND ..." style, so the
// suffix closes what the prefix opened (sqlmap's boundaries.xml, levels 1-5, written from memory).
type Boundary = { prefix: string; suffix: string };
const BOUNDARIES: Boundary[] = [
  { prefix: '', suffix: '' },
  { prefix: '', suffix: '-- -' },
  { prefix: '', suffix: '#' },
  { prefix: ')', suffix: ' AND (3714=3714' },
  { prefix: ')', suffix: '-- -' },
  { prefix: '))', suffix: ' AND ((5623=5623' },
  { prefix: ')))', suffix: ' AND (((8120=8120' },
  { prefix: "'", suffix: " AND 'qXbT'='qXbT" },
  { prefix: "'", suffix: '-- -' },
  { prefix: "'", suffix: '#' },
  { prefix: "'", suffix: "||'" },
  { prefix: "')", suffix: " AND ('pRfk'='pRfk" },
  { prefix: "'))", suffix: " AND (('WzPc'='WzPc" },
  { prefix: "')))", suffix: " AND ((('hLmo'='hLmo" },
  { prefix: "')", suffix: '-- -' },
  { prefix: "%'", suffix: " AND 'lTgh%'='lTgh" },
  { prefix: "%')", suffix: " AND ('dQeS%'='dQeS" },
  { prefix: "'", suffix: " AND 'Vnqe' LIKE 'Vnqe" },
  { prefix: "')", suffix: " AND ('Vnqe' LIKE 'Vnqe" },
  { prefix: '"', suffix: ' AND "rTmb"="rTmb' },
  { prefix: '")', suffix: ' AND ("rTmb"="rTmb' },
  { prefix: '"))', suffix: ' AND (("rTmb"="rTmb' },
  { prefix: '"', suffix: '-- -' },
  { prefix: '"', suffix: '#' },
  { prefix: '")', suffix: '-- -' },
  { prefix: '`', suffix: ' AND `kWqa`=`kWqa' },
  { prefix: '`)', suffix: ' AND (`kWqa`=`kWqa' },
  { prefix: "' IN BOOLEAN MODE)", suffix: '#' },
  { prefix: ';', suffix: '-- -' },
  { prefix: "';", suffix: '-- -' },
];

// Original values sqlmap appends to (where=1), negative values it replaces them with (where=2).
const ORIGINALS = ['1', '42', 'abc', 'admin'];

// ---- payload families (the " AND <test>" part), per DBMS. %N stands for a random number.
const BOOLEAN = [
  'AND 4821=4821', 'AND 4821=7713', 'OR 4821=4821', 'OR NOT 4821=7713', 'AND NOT 4821=7713',
  'OR 4821=4821 LIMIT 1', 'AND 1=1', 'OR 1=1', 'OR 2>1', 'AND 7713 BETWEEN 7713 AND 7713',
  "AND 'a'='a'", 'AND MAKE_SET(4821=4821,7713)', 'OR MAKE_SET(4821=4821,7713)', 'AND ELT(4821=4821,7713)',
  'RLIKE (SELECT (CASE WHEN (4821=4821) THEN 1 ELSE 0x28 END))', 'AND (SELECT (CASE WHEN (4821=4821) THEN NULL ELSE CAST((CHR(85)||CHR(75)) AS NUMERIC) END)) IS NULL',
  'AND (SELECT (CASE WHEN (4821=4821) THEN NULL ELSE CTXSYS.DRITHSX.SN(1,4821) END) FROM DUAL) IS NULL',
  'AND IIF(4821=4821,1,1/0)=1', 'AND 4821=(CASE WHEN 4821=4821 THEN 4821 ELSE 0 END)',
  'AND (SELECT 4821 WHERE 4821=4821)=4821', 'AND 4821 IN (4821)', 'OR 1 IN (1)', 'AND 4821 LIKE 4821',
  'AND ASCII(SUBSTRING(CURRENT_USER,1,1))>64', 'AND ORD(MID((SELECT IFNULL(CAST(database() AS NCHAR),0x20)),1,1))>64',
  'AND LENGTH(DATABASE())>1', 'AND SUBSTR(USER,1,1)=CHR(65)', 'AND UNICODE(SUBSTRING((SELECT sqlite_version()),1,1))>48',
  'OR EXISTS(SELECT * FROM users)', 'AND (SELECT COUNT(*) FROM information_schema.tables)>0',
];
const ERROR = [
  'AND EXTRACTVALUE(4821,CONCAT(0x5c,0x7171786b71,(SELECT (ELT(4821=4821,1))),0x716a627871))',
  'AND UPDATEXML(4821,CONCAT(0x2e,0x7171786b71,(SELECT (ELT(4821=4821,1))),0x716a627871),7713)',
  'OR (SELECT 4821 FROM(SELECT COUNT(*),CONCAT(0x7171786b71,(SELECT (ELT(4821=4821,1))),0x716a627871,FLOOR(RAND(0)*2))x FROM INFORMATION_SCHEMA.PLUGINS GROUP BY x)a)',
  'AND EXP(~(SELECT * FROM (SELECT CONCAT(0x7171786b71,(SELECT (ELT(4821=4821,1))),0x716a627871,0x78))x))',
  'AND GTID_SUBSET(CONCAT(0x7171786b71,(SELECT (ELT(4821=4821,1))),0x716a627871),4821)',
  'AND JSON_KEYS((SELECT CONVERT((SELECT CONCAT(0x7171786b71,(SELECT (ELT(4821=4821,1))),0x716a627871)) USING utf8)))',
  'AND 4821=CAST((CHR(113)||CHR(113)||CHR(120))||(SELECT (CASE WHEN (4821=4821) THEN 1 ELSE 0 END))::text||(CHR(113)||CHR(106)) AS NUMERIC)',
  'AND 4821=CONVERT(INT,(SELECT CHAR(113)+CHAR(113)+(SELECT (CASE WHEN (4821=4821) THEN CHAR(49) ELSE CHAR(48) END))+CHAR(113)))',
  'AND 4821 IN (SELECT (CHAR(113)+CHAR(113)+(SELECT (CASE WHEN (4821=4821) THEN CHAR(49) ELSE CHAR(48) END))+CHAR(113)))',
  'AND 4821=(SELECT UPPER(XMLType(CHR(60)||CHR(58)||CHR(113)||(SELECT (CASE WHEN (4821=4821) THEN 1 ELSE 0 END) FROM DUAL)||CHR(62))) FROM DUAL)',
  'AND 4821=UTL_INADDR.GET_HOST_NAME(CHR(113)||(SELECT (CASE WHEN (4821=4821) THEN 1 ELSE 0 END) FROM DUAL)||CHR(113))',
  'AND 4821=CTXSYS.DRITHSX.SN(4821,(CHR(113)||(SELECT (CASE WHEN (4821=4821) THEN 1 ELSE 0 END) FROM DUAL)||CHR(113)))',
  'AND 4821=DBMS_UTILITY.SQLID_TO_SQLHASH((CHR(113)||(SELECT (CASE WHEN (4821=4821) THEN 1 ELSE 0 END) FROM DUAL)||CHR(113)))',
  'AND 1=CONVERT(int,@@version)', 'AND 1=CAST(version() AS int)', 'AND 1=(SELECT TOP 1 name FROM sysobjects)',
  'OR 1 GROUP BY CONCAT(0x7171,(SELECT (CASE WHEN (4821=4821) THEN 1 ELSE 0 END)),0x7171,FLOOR(RAND(0)*2)) HAVING MIN(0)',
  'AND ROW(4821,7713)>(SELECT COUNT(*),CONCAT(0x7171,(SELECT (ELT(4821=4821,1))),0x7171,FLOOR(RAND(0)*2))x FROM (SELECT 1 UNION SELECT 2)a GROUP BY x)',
];
const STACKED = [
  ';SELECT SLEEP(5)', ';SELECT PG_SLEEP(5)', ";WAITFOR DELAY '0:0:5'", ';SELECT DBMS_PIPE.RECEIVE_MESSAGE(CHR(65),5) FROM DUAL',
  ';BEGIN DBMS_LOCK.SLEEP(5); END', ';SELECT LIKE(CHAR(65,66,67),UPPER(HEX(RANDOMBLOB(500000000/2))))',
  ";EXEC xp_cmdshell 'ping 127.0.0.1'", ';DROP TABLE users', ";INSERT INTO users(name) VALUES('x')", ";UPDATE users SET pass='x' WHERE id=1",
  ';SHUTDOWN', ";DECLARE @x VARCHAR(99);SET @x=0x77616974666F722064656C61792027303A303A3527;EXEC(@x)", ';CREATE TABLE t(a int)',
  ";COPY (SELECT '') TO PROGRAM 'id'",
];
const TIME = [
  'AND SLEEP(5)', 'OR SLEEP(5)', 'AND (SELECT 4821 FROM (SELECT(SLEEP(5)))abcd)', 'OR (SELECT 4821 FROM (SELECT(SLEEP(5)))abcd)',
  'AND 4821=BENCHMARK(5000000,MD5(0x414243))', 'AND 4821=(SELECT 4821 FROM PG_SLEEP(5))', 'AND 4821=(SELECT COUNT(*) FROM GENERATE_SERIES(1,5000000))',
  "WAITFOR DELAY '0:0:5'", 'AND 4821=DBMS_PIPE.RECEIVE_MESSAGE(CHR(65)||CHR(66),5)',
  'AND 4821=LIKE(CHAR(65,66,67,68,69,70,71),UPPER(HEX(RANDOMBLOB(500000000/2))))', 'AND IF(1=1,SLEEP(5),0)',
  'AND (SELECT * FROM (SELECT(SLEEP(5)))a)', 'XOR(IF(NOW()=SYSDATE(),SLEEP(5),0))XOR', 'AND 4821=(SELECT COUNT(*) FROM ALL_USERS T1,ALL_USERS T2,ALL_USERS T3)',
  'AND 4821=(SELECT COUNT(*) FROM sysusers AS sys1,sysusers AS sys2,sysusers AS sys3)', "AND (SELECT 1 FROM PG_SLEEP(5)) IS NULL",
];
const INLINE = [
  '(SELECT CONCAT(0x7171786b71,(ELT(4821=4821,1)),0x716a627871))', "(SELECT (CASE WHEN (4821=4821) THEN 1 ELSE 0 END))",
  '(SELECT CHAR(113)+CHAR(113)+(SELECT (CASE WHEN (4821=4821) THEN CHAR(49) ELSE CHAR(48) END)))', '(SELECT SLEEP(5))', '(SELECT 4821 FROM PG_SLEEP(5))',
  '(SELECT (CHR(113)||CHR(113))||(SELECT (CASE WHEN (4821=4821) THEN 1 ELSE 0 END) FROM DUAL)||(CHR(113)) FROM DUAL)', '(SELECT @@version)',
  '(SELECT user())', '(SELECT banner FROM v$version WHERE ROWNUM=1)', '(SELECT sqlite_version())',
];
function unionBodies(): string[] {
  const out: string[] = [];
  for (let n = 1; n <= 10; n++) {
    const nulls = Array(n).fill('NULL');
    out.push(`UNION ALL SELECT ${nulls.join(',')}`);
    const withConcat = [...nulls];
    withConcat[(n - 1) >> 1] = 'CONCAT(0x7171786b71,0x4e6b4c,0x716a627871)';
    out.push(`UNION ALL SELECT ${withConcat.join(',')}`);
    const nums = Array.from({ length: n }, (_, i) => String(i + 1));
    out.push(`UNION SELECT ${nums.join(',')}`);
    out.push(`ORDER BY ${n}`);
  }
  out.push('UNION SELECT username,password FROM users', 'UNION SELECT table_name,NULL FROM information_schema.tables',
    'UNION SELECT NULL,name FROM sqlite_master', 'UNION SELECT NULL,banner FROM v$version', 'UNION SELECT NULL,@@version',
    "UNION ALL SELECT NULL,NULL FROM DUAL", 'UNION SELECT 1,group_concat(column_name) FROM information_schema.columns',
    'UNION SELECT NULL,(SELECT string_agg(usename,chr(44)) FROM pg_user)', 'GROUP BY 1,2,3 HAVING 1=1');
  return out;
}

// ---- sqlmap's tamper scripts (from their published descriptions), each a string -> string map.
type Tamper = { name: string; f: (s: string) => string };
const pct = (s: string): string => [...s].map((c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join('');
const KEYWORD = /\b(SELECT|UNION|ALL|AND|OR|NOT|FROM|WHERE|ORDER|GROUP|BY|HAVING|SLEEP|BENCHMARK|WAITFOR|DELAY|CASE|WHEN|THEN|ELSE|END|NULL|CONCAT|LIMIT|INSERT|UPDATE|DROP|EXEC|LIKE|BETWEEN|IN|IF|CAST|CONVERT|CHAR|CHR|AS|DUAL|TABLE|INTO|VALUES|SET)\b/g;
function makeTampers(): Tamper[] {
  const r = rng(10);
  return [
    { name: 'space2comment', f: (s) => s.replace(/ /g, '/**/') },
    { name: 'space2plus', f: (s) => s.replace(/ /g, '+') },
    { name: 'randomcase', f: (s) => s.replace(/[A-Za-z]+/g, (w) => [...w].map((c) => (r() < 0.5 ? c.toLowerCase() : c.toUpperCase())).join('')) },
    { name: 'lowercase', f: (s) => s.toLowerCase() },
    { name: 'between', f: (s) => s.replace(/(\w+)=(\w+)/g, '$1 BETWEEN $2 AND $2').replace(/>(\d+)/g, ' NOT BETWEEN 0 AND $1') },
    { name: 'equaltolike', f: (s) => s.replace(/=/g, ' LIKE ') },
    { name: 'charencode', f: (s) => pct(s) },
    { name: 'chardoubleencode', f: (s) => pct(s).replace(/%/g, '%25') },
    { name: 'charunicodeencode', f: (s) => [...s].map((c) => '%u00' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join('') },
    { name: 'space2randomblank', f: (s) => { let i = 0; const b = ['%09', '%0A', '%0C', '%0D']; return s.replace(/ /g, () => b[i++ % 4]!); } },
    { name: 'space2mssqlblank', f: (s) => { let i = 0; const b = ['%01', '%02', '%0B', '%0F', '%1F']; return s.replace(/ /g, () => b[i++ % 5]!); } },
    { name: 'space2hash', f: (s) => s.replace(/ /g, '%23nVNaVoPYeva%0A') },
    { name: 'space2dash', f: (s) => s.replace(/ /g, '--UpTdaQb%0A') },
    { name: 'space2mysqldash', f: (s) => s.replace(/ /g, '--%0A') },
    { name: 'versionedkeywords', f: (s) => s.replace(KEYWORD, '/*!$1*/') },
    { name: 'halfversionedmorekeywords', f: (s) => s.replace(KEYWORD, '/*!0$1') },
    { name: 'modsecurityversioned', f: (s) => `/*!30874${s}*/` },
    { name: 'symboliclogical', f: (s) => s.replace(/\bAND\b/gi, '%26%26').replace(/\bOR\b/gi, '%7C%7C') },
    { name: 'apostrophemask', f: (s) => s.replace(/'/g, '%EF%BC%87') },
    { name: 'apostrophenullencode', f: (s) => s.replace(/'/g, '%00%27') },
    { name: 'unmagicquotes', f: (s) => s.replace(/'/, '%bf%27') },
    { name: 'appendnullbyte', f: (s) => `${s}%00` },
    { name: 'greatest', f: (s) => s.replace(/(\w+)>(\w+)/g, 'GREATEST($1,$2+1)=$1') },
    { name: 'ifnull2ifisnull', f: (s) => s.replace(/IFNULL\(([^,]+),([^)]+)\)/g, 'IF(ISNULL($1),$2,$1)') },
    { name: 'multiplespaces', f: (s) => s.replace(/ /g, '   ') },
    { name: 'percentage', f: (s) => s.replace(/[A-Za-z]/g, (c) => `%${c}`) },
    { name: 'sp_password', f: (s) => (s.includes('--') ? `${s}sp_password` : s) },
    { name: 'space2morehash', f: (s) => s.replace(/ /g, '%23%0A') },
    { name: 'commentbeforeparentheses', f: (s) => s.replace(/\b(\w+)\(/g, '$1/**/(') },
    { name: 'concat2concatws', f: (s) => s.replace(/CONCAT\(/g, 'CONCAT_WS(MID(CHAR(0),0,0),') },
    { name: 'informationschemacomment', f: (s) => s.replace(/information_schema\./gi, 'information_schema/**/.') },
    { name: 'plus2fnconcat', f: (s) => s.replace(/(CHAR\(\d+\))\+(CHAR\(\d+\))/g, '{fn CONCAT($1,$2)}') },
    { name: 'escapequotes', f: (s) => s.replace(/'/g, "\\'").replace(/"/g, '\\"') },
  ];
}

function compose(original: string, b: Boundary, body: string): string {
  // sqlmap: <original><prefix> <body><suffix>; a suffix starting with a comment is separated by a space.
  const tail = b.suffix === '' ? '' : b.suffix.startsWith('-') || b.suffix === '#' || b.suffix.startsWith('||') ? ` ${b.suffix}` : b.suffix;
  const sep = body.startsWith(';') ? '' : ' ';
  return `${original}${b.prefix}${sep}${body}${tail}`;
}

export function sqlmapSweep(): string[] {
  const out: string[] = [];
  const families = [...BOOLEAN, ...ERROR, ...STACKED, ...TIME, ...unionBodies()];
  let k = 0;
  for (const body of families) {
    for (const b of BOUNDARIES) {
      out.push(compose(ORIGINALS[k++ % ORIGINALS.length]!, b, body)); // where=1: appended to the original value
    }
    // where=2: the original replaced by a negative value, the body ORed in
    const neg = body.replace(/^AND /, 'OR ');
    out.push(compose('-4467', BOUNDARIES[1]!, neg), compose('-4467', BOUNDARIES[8]!, neg), compose('-4467', BOUNDARIES[7]!, neg));
  }
  // where=3: the value replaced by an inline query, with and without boundaries
  for (const q of INLINE) {
    out.push(q, `${q}-- -`, `'||${q}||'`, `"+${q}+"`, `1*${q}`, `1 AND 1=${q}`, `(${q})`, `1,${q}`, `1) ORDER BY ${q}-- -`, `'+(${q})+'`);
  }
  return [...new Set(out)];
}

export function tamperSweep(): string[] {
  const tampers = makeTampers();
  const bodies = [
    'AND 4821=4821', 'OR 1=1', 'AND SLEEP(5)', 'UNION ALL SELECT NULL,NULL,NULL', 'AND EXTRACTVALUE(4821,CONCAT(0x5c,(SELECT user())))',
    'AND (SELECT 4821 FROM (SELECT(SLEEP(5)))abcd)', "WAITFOR DELAY '0:0:5'", 'AND 4821=(SELECT 4821 FROM PG_SLEEP(5))',
    'UNION SELECT username,password FROM users', 'AND ASCII(SUBSTRING(CURRENT_USER,1,1))>64', 'ORDER BY 5', ';DROP TABLE users',
    'OR IFNULL(1,0)=1', 'AND 4821=CONVERT(INT,(SELECT CHAR(113)+CHAR(113)))', 'UNION SELECT 1,table_name FROM information_schema.tables',
    'AND 4821=DBMS_PIPE.RECEIVE_MESSAGE(CHR(65)||CHR(66),5)',
  ];
  const bounds = [BOUNDARIES[0]!, BOUNDARIES[1]!, BOUNDARIES[7]!, BOUNDARIES[8]!, BOUNDARIES[11]!, BOUNDARIES[19]!, BOUNDARIES[4]!, BOUNDARIES[9]!];
  const out: string[] = [];
  for (const t of tampers) {
    for (const body of bodies) {
      for (const b of bounds) {
        // sqlmap tampers the whole injected part (prefix, body, suffix), never the original value
        const injected = compose('', b, body);
        out.push(`1${t.f(injected)}`);
      }
    }
  }
  // tamper chains that sqlmap users combine (-tamper=a,b)
  const chains: string[][] = [['space2comment', 'randomcase'], ['between', 'randomcase', 'space2comment'], ['charencode', 'appendnullbyte'],
    ['equaltolike', 'space2plus'], ['versionedkeywords', 'space2comment'], ['symboliclogical', 'space2randomblank'], ['space2hash', 'randomcase']];
  const byName = new Map(tampers.map((t) => [t.name, t.f]));
  for (const chain of chains) {
    for (const body of bodies) {
      for (const b of bounds) {
        let s = compose('', b, body);
        for (const n of chain) s = byName.get(n)!(s);
        out.push(`1${s}`);
      }
    }
  }
  return [...new Set(out)];
}

export function authBypassSweep(): string[] {
  const users = ['admin', '', 'root', 'x'];
  const quotes = ["'", '"', "')", '")', "'))"];
  const conds = ['or 1=1', 'or true', "or 'x'='x'", 'or 1 like 1', '|| 1=1', 'or 2>1', 'or 1', 'or 0=0', "or ''='", 'or not 0', 'or 1 in (1)'];
  const ends = ['--', '-- -', '#', '/*', ';--', '%00', '-- ', ''];
  const out: string[] = [];
  for (const u of users) for (const q of quotes) {
    for (const e of ends) out.push(`${u}${q}${e}`);
    for (const c of conds) for (const e of ends) {
      // a condition quoted like the prefix: or 'x'='x' with a double-quote prefix becomes or "x"="x"
      const cc = q.startsWith('"') ? c.replace(/'/g, '"') : c;
      out.push(`${u}${q} ${cc}${e}`);
    }
  }
  // the classic closings without a comment: the trailing quote is the application's
  out.push("' or '1'='1", "' or 'a'='a", '" or "a"="a', "') or ('a'='a", "admin' or '1'='1", "1' or '1'='1", "' or ''='", "'='", "'=0--+",
    "' or 1=1 limit 1 -- -+", "' or 1=1 into outfile '/tmp/x'#", "admin' and 1=0 union select 1,'admin','81dc9bdb52d04dc20036dbd8313ed055'-- -");
  return [...new Set(out)];
}

export function benignSweep(): string[] {
  const names = ["O'Brien", "D'Angelo", "O'Neil-Smith", "Rue de l'Église", "Ma'am", 'Jean-Luc "JL" Picard', "L'Oréal", "Côte d'Ivoire"];
  const phrases = [
    "don't select the red one", "I can't find my order", 'Tom and Jerry', 'black or white', 'rock and roll', "rock 'n' roll",
    'union of concerned scientists', 'select your size', 'order by phone', 'group by region please', 'drop me a line', 'update my address',
    'delete my account please', 'insert coin', 'where is my parcel', 'from Paris to Berlin', 'sleep better tonight', 'table for 2 at 8pm',
    'waiting for delay compensation', 'benchmark results 2024', "it's 5' 10\" tall", '1=1 is true in maths', 'AND/OR logic gates',
    'Q&A session', 'cats & dogs', "you're right", "we'll see", 'either 1 or 2', 'x > 5 and y < 3', 'price between 10 and 20',
    'not null hypothesis', 'SELECT * FROM is a query, I am learning SQL', 'case when it rains', 'user@example.com', 'C# and F# or VB',
    'order #1234', 'null and void', 'like a charm', 'in case of fire', 'having fun', 'all or nothing', 'exec summary', 'char limit 100',
  ];
  const out: string[] = [];
  for (const n of names) {
    out.push(n, `${n} and co`, `Mr ${n}`, `${n}, 12 Main St`, `${n} or ${n}`);
  }
  for (const p of phrases) {
    const cap = p[0]!.toUpperCase() + p.slice(1);
    out.push(p, cap, `${p}.`, `"${p}"`, `'${p}'`, `${p}!`, `Re: ${p}`, `${cap} -- thanks`, `${p} (2)`, `${p}; thanks`, p.replace(/ /g, '+'));
  }
  // measurements, codes and numbers with quotes and operators
  for (let i = 1; i <= 12; i++) {
    out.push(`${i}' ${i % 12}"`, `${i}'`, `${i}"`, `${i}-${i + 1}`, `${i} or ${i + 1}`, `${i} and ${i + 1}`, `#${i}`, `id ${i}`, `${i}%`, `${i}) item`);
  }
  return [...new Set(out)];
}

// ---- round 10b (written after the first fixes, measured on the unchanged build and on the fixed one): the
// shapes generic fuzz lists are built from rather than sqlmap's own boundaries.
// UNION SELECT under every keyword obfuscation x separator x column list x terminator, after each break-out.
export function unionObfuscationSweep(): string[] {
  const seps = [' ', '/**/', '%20', '+', '%0a', '%09', '%0b', '%0c', '%0d%0a', '/*foo*/', '%23x%0a', '--%0a', '%a0', '/*!*/'];
  const unions = ['UNION SELECT', 'UNION ALL SELECT', 'UNION DISTINCT SELECT', 'uNiOn SeLeCt', '/*!UNION*/ /*!SELECT*/', '/*!50000UNION*/ /*!50000SELECT*/', '%55NION %53ELECT',
    'UNION(SELECT', '%2575nion %2573elect', 'UN%49ON SEL%45CT', 'UnIoN aLl SeLeCt'];
  const cols = ['1,2,3', 'NULL,NULL', 'null,version(),null', '1,@@version,3', 'user(),database()', '1,group_concat(table_name),3', '(SELECT 1),2', "1,'a',3", '0x41,2'];
  const heads = ['-1', '1', "1'", "x')", '1)', '1"', '0', '9e9', '1e0', '\\N', "'"];
  const ends = ['', '-- -', '#', '/*', ' FROM users-- -', ';%00'];
  const out: string[] = [];
  let k = 0;
  for (const h of heads) for (const u of unions) for (const c of cols) {
    const sep = seps[k % seps.length]!;
    const e = ends[k % ends.length]!;
    k++;
    let body = u.replace(/ /g, sep);
    body = body.endsWith('(SELECT') ? `${body}${sep}${c})` : `${body}${sep}${c}`;
    const glue = h === '1e0' || h === '\\N' ? '' : sep;
    out.push(`${h}${glue}${body}${e}`);
  }
  return [...new Set(out)];
}

// Generic blind/time-based fuzz-list shapes: each delay call in each DBMS's syntax x the ways a list splices it in.
export function blindSweep(): string[] {
  const delays = ['sleep(5)', 'SLEEP(5)', 'benchmark(10000000,MD5(1))', 'pg_sleep(5)', "WAITFOR DELAY '0:0:5'", 'dbms_pipe.receive_message((chr(94)),5)',
    '(SELECT * FROM (SELECT(SLEEP(5)))a)', 'randomblob(500000000)', "(select 1 from pg_sleep(5))", 'if(1=1,sleep(5),0)', 'IF(SUBSTR(@@version,1,1)<5,BENCHMARK(2000000,SHA1(0xDE7EC71F1)),SLEEP(1))'];
  const shapes: Array<(x: string) => string> = [
    (x) => `${x}#`, (x) => `${x}--`, (x) => `${x}-- -`, (x) => `1 or ${x}#`, (x) => `1) or ${x}#`, (x) => `" or ${x}#`, (x) => `' or ${x}#`, (x) => `' or ${x}='`,
    (x) => `" or ${x}="`, (x) => `') or ${x}='`, (x) => `1)) or ${x}#`, (x) => `')) or ${x}#`, (x) => `;${x}--`, (x) => `';${x}--`, (x) => `);${x}--`,
    (x) => `'||${x}||'`, (x) => `"||${x}||"`, (x) => `1 and ${x}`, (x) => `1' and ${x} and '1'='1`, (x) => `,${x}`, (x) => `1,${x}`, (x) => `ORDER BY ${x}`,
    (x) => `1 ORDER BY ${x}`, (x) => `'XOR(${x})XOR'`, (x) => `"XOR(${x})XOR"`, (x) => `0'XOR(${x})XOR'Z`, (x) => `1 AND (${x})`, (x) => `(${x})`,
    (x) => `${x} /*' or ${x} or '" or ${x} or "*/`, (x) => `admin' and ${x}-- -`, (x) => `1' AND ${x} AND 'a'='a`, (x) => `1%27%20or%20${encodeURIComponent(x)}%23`,
  ];
  const out: string[] = [];
  for (const x of delays) for (const f of shapes) out.push(f(x));
  return [...new Set(out)];
}

// The clause the value lands in: ORDER BY, LIMIT, INSERT VALUES, a column name, IN lists, LIKE patterns, JSON paths.
export function clauseSweep(): string[] {
  const conds = ['1=1', '1=2', "(SELECT 1)=1", 'ascii(substr(user(),1,1))>64', "(select count(*) from users)>0"];
  const out: string[] = [];
  for (const c of conds) {
    out.push(`(CASE WHEN ${c} THEN id ELSE name END)`, `(CASE WHEN (${c}) THEN 1 ELSE 1*(SELECT 1 UNION SELECT 2) END)`, `IF(${c},id,name)`, `id,(SELECT CASE WHEN ${c} THEN 1 ELSE 0 END)`,
      `1 PROCEDURE ANALYSE(EXTRACTVALUE(1,CONCAT(0x3a,(${c}))),1)`, `1 INTO @a,@b,@c`, `name ${c.includes('>') ? 'ASC' : 'DESC'},(SELECT ${c})`, `1) AND ${c} AND (1=1`,
      `x', (SELECT ${c}))-- -`, `x'), ((SELECT ${c}), 'y')-- -`, `x' + (SELECT ${c}) + '`, `1) OR ${c}-- -`, `%' AND ${c} AND '%'='`, `x%' OR ${c}-- -`,
      `id) FROM users WHERE ${c}-- -`, `*/ OR ${c}/*`, `1 LIMIT 1 OFFSET (SELECT ${c})`, `1' LIMIT 1,1 UNION SELECT 1-- -`, `$.a' OR ${c}-- -`, `1,2) OR ${c}-- -`);
  }
  return [...new Set(out)];
}

// NoSQL (MongoDB) operator and JavaScript injection: operators x the syntaxes a value carries them in.
export function nosqlSweep(): string[] {
  const ops = ['$ne', '$gt', '$gte', '$lt', '$regex', '$exists', '$nin', '$in', '$where', '$expr', '$or', '$not', '$eq', '$elemMatch', '$function'];
  const vals = ['null', '""', '1', 'true', '".*"', '[]'];
  const out: string[] = [];
  let k = 0;
  for (const op of ops) {
    const v = vals[k++ % vals.length]!;
    out.push(`user[${op}]=${v.replace(/"/g, '')}`, `password[${op}]=`, `{"username": {"${op}": ${v}}}`, `{"${op}": ${v}}`, `{ ${op}: ${v} }`, `user%5B${op.replace('$', '%24')}%5D=1`,
      `[${op}]=1`, `login[${op}][]=admin`, `{"user":"admin","password":{"${op}":${v}}}`, `', ${op}: ${v}, 'a':'a`);
  }
  out.push("'; return true; var x='", "' || '1'=='1", "'; sleep(5000); var x='", "1; return true", "' && this.password.match(/.*/)//", "'||this.a=='a",
    "', $where: '1 == 1'", ", $where: '1 == 1'", "$where: 'sleep(1000)'", "true, $where: '1 == 1'", "';return 'a'=='a' && ''=='", "\"; return true; var x=\"",
    "admin' || 'a'=='a", "'; while(true){}; var x='", "this.password.match(/^a.*$/)", "{\"$where\": \"this.password.length > 0\"}",
    "db.users.find({})", "';db.dropDatabase();var x='", "[$regex]=^a", "[$ne]=1&password[$ne]=1");
  return [...new Set(out)];
}

// MySQL type juggling from the auth-bypass lists: a string compared with a number is that number (0 for most names), so
// closing the quote, applying operators and re-opening it turns name = '…' into name = 0.
export function jugglingSweep(): string[] {
  const users = ['', 'admin', 'x', '0'];
  const ops = ['-', '*', '^', '|', '&', '+', '/', '%', '||', 'div', 'xor'];
  const out: string[] = [];
  for (const u of users) for (const q of ["'", '"']) for (const op of ops) {
    const sp = /^\w/.test(op) ? ' ' : '';
    out.push(`${u}${q}${sp}${op}${sp}0${sp}${op}${sp}${q}`, `${u}${q}${op}${q}${q}${op}${q}`, `${u}${q} or ${q}${q}${op}${q}`, `${u}${q}${sp}${op}${sp}0#`,
      `${u}${q}${sp}${op}${sp}0-- -`, `${u}${q}=${q}${q}${op}${q}`);
  }
  return [...new Set(out)];
}

// A comment glued to a word: outside MySQL "--" needs no space after it, and sqlmap's sp_password tamper appends
// "sp_password" to hide the statement from SQL Server's log.
export function gluedCommentSweep(): string[] {
  const users = ['', 'admin', '1', 'x'];
  const quotes = ["'", "')", "'))", '"', '")'];
  const conds = ['', ' or 1=1', ' or true', ' or 1', " or 'a'='a'", ' and 1=1', ' union select null,null', ';select 1'];
  const tags = ['sp_password', 'abc', 'x', 'GbXc'];
  const out: string[] = [];
  let k = 0;
  for (const u of users) for (const q of quotes) for (const c of conds) {
    const cc = q.startsWith('"') ? c.replace(/'/g, '"') : c;
    out.push(`${u}${q}${cc}--${tags[k++ % tags.length]}`);
  }
  return [...new Set(out)];
}

function dump(name: string, list: string[]): void {
  if (process.env.SWEEP_DUMP) writeFileSync(`${process.env.SWEEP_DUMP}-${name}.txt`, list.join('\n') + '\n');
}

describe('sqli sweeps (generated)', () => {
  it('sqlmap boundaries x payload families', () => {
    const all = sqlmapSweep();
    const missed = all.filter((p) => !blocked(p));
    dump('sqlmap', missed);
    expect(all.length).toBe(4273);
    expect(missed.length, `missed:\n${missed.join('\n')}`).toBeLessThanOrEqual(0); // round 10 sweep: 4,273/4,273 when written and now
  });

  it('tamper scripts x payloads x boundaries', () => {
    const all = tamperSweep();
    const missed = all.filter((p) => !blocked(p));
    dump('tamper', missed);
    expect(all.length).toBe(4016);
    expect(missed.length, `missed:\n${missed.join('\n')}`).toBeLessThanOrEqual(16); // round 10 sweep: 3,865/4,016 when written, 3,931/4,016 after round 10, 4,000/4,016 now (left: see the header)
  });

  it('auth bypass: users x quotes x conditions x comments', () => {
    const all = authBypassSweep();
    const missed = all.filter((p) => !blocked(p));
    dump('auth', missed);
    expect(all.length).toBe(1931);
    expect(missed.length, `missed:\n${missed.join('\n')}`).toBeLessThanOrEqual(50); // round 10 sweep: 1,771/1,931 when written, 1,831/1,931 after round 10, 1,881/1,931 now (left: a lone quote, a condition left open)
  });

  it('round 10b: UNION SELECT obfuscations x separators x columns x break-outs', () => {
    const all = unionObfuscationSweep();
    const missed = all.filter((p) => !blocked(p));
    dump('union', missed);
    expect(all.length).toBe(1089);
    expect(missed.length, `missed:\n${missed.join('\n')}`).toBeLessThanOrEqual(0); // round 10b sweep: 1,089/1,089 when written (unchanged build) and now
  });

  it('round 10b: blind and time-based fuzz-list shapes', () => {
    const all = blindSweep();
    const missed = all.filter((p) => !blocked(p));
    dump('blind', missed);
    expect(all.length).toBe(352);
    expect(missed.length, `missed:\n${missed.join('\n')}`).toBeLessThanOrEqual(0); // round 10b sweep: 352/352 when written (unchanged build) and now
  });

  it('round 10b: the clause the value lands in', () => {
    const all = clauseSweep();
    const missed = all.filter((p) => !blocked(p));
    dump('clause', missed);
    expect(all.length).toBe(92);
    expect(missed.length, `missed:\n${missed.join('\n')}`).toBeLessThanOrEqual(1); // round 10b sweep: 91/92 when written (unchanged build) and now (left: 1 INTO @a,@b,@c)
  });

  it('round 10b: NoSQL operators x syntaxes, JavaScript injection', () => {
    const all = nosqlSweep();
    const missed = all.filter((p) => !blocked(p));
    dump('nosql', missed);
    expect(all.length).toBe(170);
    expect(missed.length, `missed:\n${missed.join('\n')}`).toBeLessThanOrEqual(3); // round 10b sweep: 167/170 when written (unchanged build) and now (left: JavaScript with no injection shape)
  });

  it('round 10b: MySQL type juggling from the auth-bypass lists', () => {
    const all = jugglingSweep();
    const missed = all.filter((p) => !blocked(p));
    dump('juggling', missed);
    expect(all.length).toBe(528);
    expect(missed.length, `missed:\n${missed.join('\n')}`).toBeLessThanOrEqual(178); // round 10b sweep: 168/528 when written (unchanged build), 350/528 now (left: no tautology, see the header)
  });

  it('round 10b: a comment glued to a word after the break-out (sp_password)', () => {
    const all = gluedCommentSweep();
    const missed = all.filter((p) => !blocked(p));
    dump('glued', missed);
    expect(all.length).toBe(160);
    expect(missed.length, `missed:\n${missed.join('\n')}`).toBeLessThanOrEqual(0); // round 10b sweep: 115/160 when written (unchanged build), 160/160 now
  });

  it('ordinary values of the same shapes pass', () => {
    const all = benignSweep();
    const flagged = all.filter(blocked);
    dump('benign', flagged);
    expect(all.length).toBe(625);
    expect(flagged.length, `flagged:\n${flagged.join('\n')}`).toBeLessThanOrEqual(18); // round 10 sweep: 40/625 when written, 18/625 now
  });
});
