// asc transform (scripts/build.mjs passes it to asc): hands every `wordIs(w, len, "literal")` (outside the standard library) its
// literal's length and bytes as integer constants, `wordIs(w, len, "literal", n, lo, hi)`. AssemblyScript folds no
// string at compile time: with the string alone, the inlined wordIs reloads its length from static memory and
// compares byte by byte with a bounds check (cmdi's psVerb, 22 of them in a row, cost ~300 instructions for one
// ordinary 3-letter word). With the constants, wordIs (keywords.ts) compares the length, then 1-2 loads of the
// word's own bytes. The same answer either way: without this transform the constants are absent and wordIs takes
// the byte loop (test/scanner/word-literals.node.test.ts checks both builds agree and that this one is in effect).
import { Node, NodeKind, LiteralKind } from 'assemblyscript';
import { Transform } from 'assemblyscript/transform';

/** Literals longer than this keep the byte loop (none is: the longest is 16 bytes). */
const MAX_PACKED = 16;

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

/** Rewrite the wordIs calls under `node` (any AST node; children found by walking its own properties). */
function walk(node, seen) {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) { for (const child of node) walk(child, seen); return; }
  if (node.kind === NodeKind.Call && node.expression?.kind === NodeKind.Identifier && node.expression.text === 'wordIs' &&
      node.args.length === 3 && node.args[2].kind === NodeKind.Literal && node.args[2].literalKind === LiteralKind.String) {
    const text = node.args[2].value;
    // (ASCII only: wordIs compares each UTF-16 code unit with one byte)
    if (text.length >= 1 && text.length <= MAX_PACKED && /^[\x00-\x7f]*$/.test(text)) {
      const bytes = [...text].map((c) => c.charCodeAt(0));
      const n = bytes.length;
      const range = node.args[2].range;
      // lo: bytes [0, min(n, 8)); hi: bytes [n - 8, n) for n > 8 (overlapping lo), else 0
      node.args.push(intLiteral(BigInt(n), range), intLiteral(pack(bytes.slice(0, 8)), range), intLiteral(n > 8 ? pack(bytes.slice(n - 8)) : 0n, range));
      rewritten++;
    }
  }
  for (const key of Object.keys(node)) {
    if (key === 'range' || key === 'parent') continue; // (back to the source: not a child)
    const child = node[key];
    if (child !== null && typeof child === 'object') walk(child, seen);
  }
}

export default class WordLiterals extends Transform {
  afterParse(parser) {
    const seen = new Set();
    for (const source of parser.sources) {
      if (!source.normalizedPath.startsWith('~lib/')) walk(source.statements, seen);
    }
    if (process.env.ARENAGUARD_WORD_LITERALS_LOG === '1') this.log(`asc-word-literals: ${rewritten} wordIs literal(s) packed`);
  }
}
