// NoSQL (MongoDB) operator injection: a `$`-operator in the shape of an object key where a
// plain value was expected. Positives and negatives written from the query-object grammar
// (qs bracket names, JSON keys, object literals), not from the corpus.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Detector } from '../../src/index.js';
import { detector, ruleIds, expectSameWhenSplit } from './helpers.js';

let d: Detector;
beforeAll(async () => { d = await detector(); });
afterAll(async () => { await d.close(); });

const RULE = 'sqli.nosql-operator';

describe('sqli.nosql-operator', () => {
  const keys = [
    'user[$ne]=x', 'password[$regex]=.*', 'a[$in][]=1', 'user%5B%24ne%5D=1', // bracket parameter names (qs, PHP)
    '{"password": {"$gt": ""}}', "{'$where': 'sleep(10)'}", '{"user": {"$exists": true}}', '{"a": {"$elemMatch": {}}}', // quoted keys
    "', $where: '1 == 1'", '{ $ne: 1 }', '$or: [{}]', // unquoted keys
    '$ne', '%24where', '$jsonSchema', '$accumulator', // a whole value: a JSON key or a parameter name scanned on its own
  ];
  it.each(keys)('%s fires', (input) => {
    const r = d.scan(input, { context: 'query' });
    expect(ruleIds(r)).toContain(RULE);
    expect(r.blocked).toBe(true);
  });
  it.each([
    'save $in taxes', 'price$ne', 'a $or b', '$nex', '$ne1', 'US$ 5', // prose, names, longer words
    '$ref', '$schema', '{"$ref": "#/defs/a"}', '{"_id": {"$oid": "5f1"}}', '{"at": {"$date": "2026-01-01"}}', // JSON Schema, Extended JSON
    '$filter=Name eq 1', '$top', // OData system query options are no operators
  ])('%s stays clean', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain(RULE);
  });
  it('spans the operator from its "$" (also when the "$" was percent-encoded)', () => {
    const input = 'user%5B%24ne%5D=1';
    const t = d.scan(input, { context: 'query' }).threats.find((x) => x.ruleId === RULE)!;
    expect(input.slice(t.offset, t.offset + 3)).toBe('%24');
  });
  it('gives the same findings when split at every byte', () => { expectSameWhenSplit(d, keys); });
  it('finds the operator keys of a JSON body, located by path', async () => {
    const r = await d.analyzeRequest({ method: 'POST', url: '/login', headers: { 'content-type': 'application/json' }, body: '{"username": {"$ne": null}, "password": {"$ne": null}}' });
    expect(r.blocked).toBe(true);
    expect(r.threats.filter((t) => t.ruleId === RULE).map((t) => t.location)).toEqual(['body:$.username.$ne', 'body:$.password.$ne']);
  });
});

describe('server-side JavaScript in a MongoDB query (ssjs.ts)', () => {
  // the value's first quote breaks out of a $where string and a JS connective or ';' reaches the document (this.);
  // a collection method that writes or runs code, as a statement; a busy-wait on the clock after '}' or ';'
  const hits = ["' && this.password.match(/^a.*$/)//", "admin' || this.isAdmin == true || '", "'; return this.a != 'x'; var d='",
    'db.injection.insert({success:1});', 'x; db.users.drop()', "';it=new Date();do{pt=new Date();}while(pt-it<5000);",
    '0;var d=new Date(); do{c = new Date();}while(c-d<10000)'];
  it.each(hits)('%s is server-side JavaScript', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).toContain('sqli.nosql-javascript');
  });
  // a literal of the application's own code (two quotes before this.), read methods and prose
  const clean = ["'a' && this.ok", "if (x === 'a' && this.enabled) {", 'We need a new date while (hopefully) keeping the venue',
    'db.users.find({})', 'use db.users.insert() to add one', 'the new Date() value, while (as noted) local', 'this.password is required'];
  it.each(clean)('%s is not', (input) => {
    expect(ruleIds(d.scan(input, { context: 'query' }))).not.toContain('sqli.nosql-javascript');
  });
  it('gives the same findings split anywhere', () => { expectSameWhenSplit(d, [...hits, ...clean], 'query'); });
});
