// NoSQL (MongoDB) operator injection: a `$`-operator where the application expects a plain
// value, in the shapes that turn it into a query object:
//
//   user[$ne]=x            qs/PHP bracket syntax parses the name into { user: { $ne: 'x' } }
//   {"pass": {"$gt": ""}}  a JSON key: the body is scanned key by key, so the key is the value "$gt"
//   ', $where: '1 == 1'    an unquoted key in a JavaScript-ish object literal
//
// The `$` must stand apart (not glued to a word: price$ne is a name) and the operator word be
// followed straight away by what ends a key: ']', a closing quote, ':' — or the end of the
// value when the `$` opened it. Prose ("save $in taxes") has none of these. The operator list
// is MongoDB's query and evaluation operators; Extended JSON's type wrappers ($oid, $date,
// $numberLong, $binary + $type) and JSON Schema's $ref/$id are not operators and pass.
import { g32, s32, report } from "./state";
import { wordIs } from "./keywords";
import { R_SQLI_NOSQL_OPERATOR } from "./generated/tables";

const N_DOLLAR: u32 = 0;  // end + 1 of a '$' standing apart (0: none pending)
const N_OP: u32 = 4;      // end + 1 of an operator word glued to that '$' (0: none)
const N_START: u32 = 8;   // where the '$' starts (a decoded %24 spans three input bytes)

/** Is the (lowercased) word a MongoDB query or evaluation operator name? */
function operatorName(w: usize, len: u32): bool {
  switch (len) {
    case 2: return wordIs(w, len, "ne") || wordIs(w, len, "eq") || wordIs(w, len, "gt") || wordIs(w, len, "lt") || wordIs(w, len, "in") || wordIs(w, len, "or");
    case 3: return wordIs(w, len, "gte") || wordIs(w, len, "lte") || wordIs(w, len, "nin") || wordIs(w, len, "and") || wordIs(w, len, "not") ||
      wordIs(w, len, "nor") || wordIs(w, len, "all") || wordIs(w, len, "mod");
    case 4: return wordIs(w, len, "size") || wordIs(w, len, "expr") || wordIs(w, len, "text");
    case 5: return wordIs(w, len, "where") || wordIs(w, len, "regex");
    case 6: return wordIs(w, len, "exists");
    case 8: return wordIs(w, len, "function");
    case 9: return wordIs(w, len, "elemmatch");
    case 10: return wordIs(w, len, "jsonschema");
    case 11: return wordIs(w, len, "accumulator");
    default: return false;
  }
}

/** Is the word starting at `start` glued to a pending '$'? */
// @ts-ignore: decorator
@inline export function nosqlWordNext(n: usize, start: u32): bool { return g32(n, N_DOLLAR) == start + 1; }
/** Does an operator word wait for the punctuation after it? */
// @ts-ignore: decorator
@inline export function nosqlPending(n: usize): bool { return g32(n, N_OP) != 0; }

/** A '$' standing apart (nothing but punctuation, space or the value start before it). */
// @ts-ignore: decorator
@inline export function nosqlDollar(n: usize, start: u32, end: u32): void { s32(n, N_DOLLAR, end + 1); s32(n, N_START, start); }

/** A word glued to a pending '$' (the caller checks with nosqlWordNext: most words make no call). */
export function nosqlWord(n: usize, word: usize, len: u32, end: u32): void {
  s32(n, N_DOLLAR, 0);
  if (len >= 2 && len <= 11 && operatorName(word, len)) s32(n, N_OP, end + 1);
}

/** Punctuation right after a pending operator word: ']' ':' or a quote make it a key. */
export function nosqlPunct(st: usize, n: usize, c: u32, start: u32, end: u32): void {
  const op = g32(n, N_OP);
  s32(n, N_OP, 0);
  if (op - 1 == start && (c == 0x5d || c == 0x3a || c == 0x22 || c == 0x27)) report(st, R_SQLI_NOSQL_OPERATOR, g32(n, N_START), end);
}

/** The value ends: an operator that is the whole value ("$ne" as a JSON key or parameter name) is one. */
// @ts-ignore: decorator
@inline export function nosqlFinish(st: usize, n: usize, end: u32): void {
  const op = g32(n, N_OP);
  if (op != 0) { // (nested: see sqli.ts quoteOnlyFinish)
    if (op - 1 == end && g32(n, N_START) == 0) report(st, R_SQLI_NOSQL_OPERATOR, 0, end);
  }
}
