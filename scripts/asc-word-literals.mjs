// asc transform (scripts/build.mjs passes it to asc): hands every `wordIs(w, len, "literal")` (outside the standard
// library) its literal's length and bytes as integer constants, `wordIs(w, len, "literal", n, lo, hi)`, and turns
// every `inList(w, len, "a b c")` into `(wordIs(w, len, "a") || wordIs(w, len, "b") || wordIs(w, len, "c"))`, packed
// the same way. AssemblyScript folds no string at compile time: with the string alone, the inlined wordIs reloads its
// length from static memory and compares byte by byte with a bounds check (cmdi's psVerb, 22 of them in a row, cost
// ~300 instructions for one ordinary 3-letter word), and inList walks its whole list (~5 instructions per byte of it).
// With the constants, wordIs (keywords.ts) compares the length, then 1-2 loads of the word's own bytes. The same answer
// either way: without this transform the constants are absent and wordIs and inList take their loops
// (test/scanner/word-literals.node.test.ts checks both builds against a byte comparison, and that this one is in effect).
import { Node, NodeKind, LiteralKind, Token } from 'assemblyscript';
import { Transform } from 'assemblyscript/transform';

/** The literals packed: ASCII, 1-64 bytes (wordIs compares up to 16 by loads, longer ones by its loop once the length matches). */
const PACKABLE = /^[\x00-\x7f]{1,64}$/;

/** The little-endian u64 of up to 8 bytes. */
function pack(bytes) {
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  return v;
}

/** An integer literal node (the compiler's i64 is a long.js value made by its global i64_new). */
function intLiteral(value, range) {
  const lo = Number(value & 0xffffffffn) | 0, hi = Number(value >> 32n) | 0;
  return Node.createIntegerLiteralExpression(globalThis.i64_new(lo, hi), range);
}

let rewritten = 0;
let lists = 0;
let regrouped = 0;

/** The packed arguments (n, lo, hi) of `text`: lo its first 8 bytes, hi (n > 8) its last 8. */
function packedArgs(text, range) {
  const bytes = [...text].map((c) => c.charCodeAt(0));
  const n = bytes.length;
  return [intLiteral(BigInt(n), range), intLiteral(pack(bytes.slice(0, 8)), range), intLiteral(n > 8 ? pack(bytes.slice(n - 8)) : 0n, range)];
}

/** A fresh copy of `e` when it is an identifier, an integer or a binary expression of them (no call: safe to repeat); else null. */
function copyPure(e) {
  if (e.kind === NodeKind.Identifier) return Node.createIdentifierExpression(e.text, e.range);
  if (e.kind === NodeKind.Literal && e.literalKind === LiteralKind.Integer) return Node.createIntegerLiteralExpression(e.value, e.range);
  if (e.kind === NodeKind.Binary) {
    const l = copyPure(e.left), r = copyPure(e.right);
    return l && r ? Node.createBinaryExpression(e.operator, l, r, e.range) : null;
  }
  return null;
}

/** A string literal argument's text, or null. */
function stringArg(e) {
  return e.kind === NodeKind.Literal && e.literalKind === LiteralKind.String ? e.value : null;
}

/** Rewrite the wordIs and inList calls under `node` (any AST node; children found by walking its own properties). */
function walk(node, seen) {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const list = inListCall(node[i]);
      if (list) node[i] = list;
      walk(node[i], seen);
    }
    return;
  }
  if (node.kind === NodeKind.Binary && node.operator === Token.Bar_Bar) regroup(node);
  if (isCall(node, 'wordIs', 3)) {
    const text = stringArg(node.args[2]);
    // (ASCII only: wordIs compares each UTF-16 code unit with one byte)
    if (text !== null && PACKABLE.test(text)) { node.args.push(...packedArgs(text, node.args[2].range)); rewritten++; }
  }
  for (const key of Object.keys(node)) {
    if (key === 'range' || key === 'parent') continue; // (back to the source: not a child)
    const child = node[key];
    if (child === null || typeof child !== 'object') continue;
    const list = inListCall(child);
    if (list) node[key] = list;
    walk(node[key], seen);
  }
}

/** The source text of `e`. */
function textOf(e) {
  return e.range.source.text.substring(e.range.start, e.range.end);
}

/** A wordIs call with a string literal (packed or not yet), or null. */
function wordIsLeaf(e) {
  return e.kind === NodeKind.Call && e.expression?.kind === NodeKind.Identifier && e.expression.text === 'wordIs' &&
    (e.args.length === 3 || e.args.length === 6) && stringArg(e.args[2]) !== null ? e : null;
}

/**
 * An `||` chain with a run of 4 or more wordIs calls on the same word and length (psVerb's 22, an unrolled list, sqli's
 * words that may follow a literal), in place: the run as `(len == 3 && (the 3-byte ones)) || (len == 5 && (...)) || ...`,
 * so a word is compared with the literals of its own length only, after one test per distinct length (each wordIs still
 * tests the length). The same answer: a wordIs call is a pure comparison, so its order within the run changes nothing,
 * and every other operand keeps its place (evaluated, or not, exactly as before).
 */
function regroup(node) {
  const leaves = [];
  const flatten = (e) => {
    if (e.kind === NodeKind.Binary && e.operator === Token.Bar_Bar) { flatten(e.left); flatten(e.right); } else leaves.push(e);
  };
  flatten(node);
  if (leaves.length < 4) return;
  // runs of consecutive wordIs calls with the same word and length arguments
  const key = (l) => (wordIsLeaf(l) ? `${textOf(l.args[0])}\u0000${textOf(l.args[1])}` : null);
  const parts = [];
  let changed = false;
  for (let i = 0; i < leaves.length;) {
    const k = key(leaves[i]);
    let j = i + 1;
    if (k !== null) while (j < leaves.length && key(leaves[j]) === k) j++;
    const grouped = k !== null && j - i >= 4 ? groupRun(leaves.slice(i, j), node.range) : null;
    if (grouped) { parts.push(grouped); changed = true; } else parts.push(...leaves.slice(i, j));
    i = j;
  }
  if (!changed) return;
  // (one part: the whole chain was one run, whose group is itself an || of two or more lengths)
  const expr = parts.length === 1 ? parts[0].expression : parts.reduce((a, b) => Node.createBinaryExpression(Token.Bar_Bar, a, b, node.range));
  // (the chain's node takes the new chain's operands: the same object, so its parent needs no change)
  node.left = expr.left; node.right = expr.right;
  regrouped++;
}

/** A run of wordIs calls grouped by length (see regroup), or null when that gains nothing (one length) or the length can't be repeated. */
function groupRun(run, range) {
  const byLength = new Map();
  for (const l of run) {
    const n = stringArg(l.args[2]).length;
    if (!byLength.has(n)) byLength.set(n, []);
    byLength.get(n).push(l);
  }
  if (byLength.size < 2) return null;
  let expr = null;
  for (const [n, group] of byLength) {
    const lenCopy = copyPure(run[0].args[1]);
    if (!lenCopy) return null;
    const any = group.reduce((a, b) => Node.createBinaryExpression(Token.Bar_Bar, a, b, range));
    const part = Node.createBinaryExpression(Token.Ampersand_Ampersand,
      Node.createBinaryExpression(Token.Equals_Equals, lenCopy, intLiteral(BigInt(n), range), range),
      Node.createParenthesizedExpression(any, range), range);
    expr = expr === null ? part : Node.createBinaryExpression(Token.Bar_Bar, expr, part, range);
  }
  return Node.createParenthesizedExpression(expr, range);
}

function isCall(node, name, args) {
  return node?.kind === NodeKind.Call && node.expression?.kind === NodeKind.Identifier && node.expression.text === name && node.args.length === args;
}

/**
 * `inList(w, len, "a b c")` as `(wordIs(w, len, "a", ...) || wordIs(w, len, "b", ...) || ...)`, or null for any other node
 * (and for a list with an empty or unpackable word, or arguments that are not plain names and arithmetic, left as they are).
 */
function inListCall(node) {
  if (!isCall(node, 'inList', 3)) return null;
  const text = stringArg(node.args[2]);
  if (text === null) return null;
  const words = text.split(' ');
  if (!words.every((w) => PACKABLE.test(w))) return null;
  const range = node.range;
  let expr = null;
  for (const word of words) {
    const w = copyPure(node.args[0]), len = copyPure(node.args[1]);
    if (!w || !len) return null;
    const call = Node.createCallExpression(Node.createIdentifierExpression('wordIs', range), null,
      [w, len, Node.createStringLiteralExpression(word, range), ...packedArgs(word, range)], range);
    rewritten++;
    expr = expr === null ? call : Node.createBinaryExpression(Token.Bar_Bar, expr, call, range);
  }
  lists++;
  return Node.createParenthesizedExpression(expr, range);
}

export default class WordLiterals extends Transform {
  afterParse(parser) {
    const seen = new Set();
    for (const source of parser.sources) {
      if (!source.normalizedPath.startsWith('~lib/')) walk(source.statements, seen);
    }
    if (process.env.ARENAGUARD_WORD_LITERALS_LOG === '1') this.log(`asc-word-literals: ${rewritten} wordIs literal(s) packed, ${lists} inList call(s) unrolled, ${regrouped} chain(s) grouped by length`);
  }
}
