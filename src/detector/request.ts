// analyzeRequest: find the attacker-controlled parts of a request and scan each one with
// the decoding context it needs. Raw (still percent-encoded) query pieces are scanned, so
// decoding happens once, in the engine.
import type { Detector } from './detector.js';
import { jsonPathSegment } from './json-path.js';
import type { RequestLike, ScanContext, ScanResult, Threat } from './types.js';

/** Headers the client sets by protocol, not by attacker choice (or that only carry tokens we cannot judge). */
const SKIP_HEADERS = new Set([
  'accept', 'accept-encoding', 'accept-language', 'accept-charset', 'connection', 'content-length', 'content-type',
  'host', 'cache-control', 'pragma', 'upgrade-insecure-requests', 'te', 'dnt', 'priority', 'if-none-match',
  'if-modified-since', 'keep-alive', 'upgrade', 'authorization', 'proxy-authorization', 'content-encoding', 'transfer-encoding',
]);
const SKIP_PREFIXES = ['sec-fetch-', 'sec-ch-', 'sec-websocket-'];
const MAX_JSON_DEPTH = 64;
const decoder = new TextDecoder();

interface Acc { score: number; threats: Threat[]; failed: boolean }

/** Scan one field; `location` is a string, or a function so clean fields never build one. True: clean. */
function scanInto(d: Detector, acc: Acc, value: string | Uint8Array, context: ScanContext, location: string | (() => string)): boolean {
  if (value.length === 0) return true;
  const r = d.scanField(value, context);
  if (r === null || r.threats.length === 0) return true;
  acc.score += r.score;
  const where = typeof location === 'string' ? location : location();
  for (const t of r.threats) {
    if (t.ruleId === 'internal.error') acc.failed = true;
    acc.threats.push({ ...t, location: where });
  }
  return false;
}

function safeDecode(s: string, plus: boolean): string {
  try { return decodeURIComponent(plus ? s.replace(/\+/g, ' ') : s); } catch { return s; }
}

/** name=value pairs of a query string or urlencoded body, both raw. */
function scanPairs(d: Detector, acc: Acc, raw: string, context: ScanContext, prefix: string): void {
  for (const part of raw.split('&')) {
    if (part.length === 0) continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    const label = () => `${prefix}:${safeDecode(name, true)}`;
    scanInto(d, acc, name, context, label);
    scanInto(d, acc, value, context, label);
  }
}

function headerEntries(headers: RequestLike['headers'] | Headers | undefined): Array<[string, string]> {
  if (!headers) return [];
  const out: Array<[string, string]> = [];
  if (typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function') {
    (headers as Headers).forEach((value, name) => out.push([name.toLowerCase(), value]));
    return out;
  }
  if (typeof (headers as Iterable<[string, string]>)[Symbol.iterator] === 'function') {
    for (const [name, value] of headers as Iterable<[string, string]>) out.push([String(name).toLowerCase(), String(value)]);
    return out;
  }
  for (const [name, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([name.toLowerCase(), String(v)]);
  }
  return out;
}

function scanHeaders(d: Detector, acc: Acc, headers: Array<[string, string]>): void {
  for (const [name, value] of headers) {
    if (SKIP_HEADERS.has(name) || SKIP_PREFIXES.some((p) => name.startsWith(p))) continue;
    if (name === 'cookie') {
      for (const pair of value.split(';')) {
        const eq = pair.indexOf('=');
        scanInto(d, acc, eq < 0 ? pair.trim() : pair.slice(eq + 1).trim(), 'header', 'header:cookie');
      }
      continue;
    }
    scanInto(d, acc, value, 'header', `header:${name}`);
  }
}

/** JSONPath-like location of the value at `keys` (object keys and array indexes), built only for findings. */
function jsonLocation(keys: Array<string | number>, depth: number): string {
  let path = 'body:$';
  for (let i = 0; i < depth; i++) path += jsonPathSegment(keys[i]!);
  return path;
}

// Keys of one body found clean so far: arrays of records repeat their keys, and a scan of a
// value depends only on its bytes and context, so a key found clean once is clean at every
// member. Bounded; dropped with the request.
const MAX_CLEAN_KEYS = 256;
const MAX_CLEAN_KEY_LENGTH = 64;

/** Walk a parsed JSON value: every key and every string value; `keys[0..depth)` is the path to it. */
function walkJson(d: Detector, acc: Acc, value: unknown, keys: Array<string | number>, depth: number, cleanKeys: Set<string>): void {
  if (typeof value === 'string') { scanInto(d, acc, value, 'json', () => jsonLocation(keys, depth)); return; }
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_JSON_DEPTH) { scanInto(d, acc, JSON.stringify(value), 'json', () => jsonLocation(keys, depth)); return; }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      keys[depth] = i;
      walkJson(d, acc, value[i], keys, depth + 1, cleanKeys);
    }
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    keys[depth] = key;
    if (!cleanKeys.has(key) && scanInto(d, acc, key, 'json', () => jsonLocation(keys, depth + 1)) &&
        key.length <= MAX_CLEAN_KEY_LENGTH && cleanKeys.size < MAX_CLEAN_KEYS) cleanKeys.add(key);
    walkJson(d, acc, obj[key], keys, depth + 1, cleanKeys);
  }
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** multipart/form-data: scan each text part (no filename, or a text/* type) under its field name. */
function scanMultipart(d: Detector, acc: Acc, body: Uint8Array, boundary: string): void {
  const delim = new TextEncoder().encode(`--${boundary}`);
  let at = indexOfBytes(body, delim, 0);
  while (at >= 0) {
    const start = at + delim.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // closing delimiter
    const next = indexOfBytes(body, delim, start);
    const part = body.subarray(start, next < 0 ? body.length : next);
    const headEnd = indexOfBytes(part, new Uint8Array([13, 10, 13, 10]), 0);
    const head = decoder.decode(part.subarray(0, headEnd < 0 ? 0 : headEnd));
    let content = part.subarray(headEnd < 0 ? 0 : headEnd + 4);
    if (content.length >= 2 && content[content.length - 2] === 13 && content[content.length - 1] === 10) content = content.subarray(0, content.length - 2);
    const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    const type = /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim().toLowerCase() ?? 'text/plain';
    if (filename !== undefined) scanInto(d, acc, filename, 'path', `body:${name}.filename`);
    if (filename === undefined || type.startsWith('text/') || type.includes('json') || type.includes('xml')) {
      scanInto(d, acc, content, 'body', `body:${name}`);
    }
    at = next;
  }
}

async function readBody(request: Request | RequestLike): Promise<string | Uint8Array | object | null> {
  if (typeof (request as Request).arrayBuffer === 'function') {
    const req = request as Request;
    if (req.body === null || req.bodyUsed) return null;
    return new Uint8Array(await req.clone().arrayBuffer());
  }
  const body = (request as RequestLike).body;
  if (body === undefined || body === null) return null;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return body as string | Uint8Array | object;
}

/** Scan a request field by field (Detector.scanField); the caller ends the batch with endFields. */
export async function analyzeRequest(d: Detector, request: Request | RequestLike): Promise<ScanResult> {
  if (request === null || typeof request !== 'object' || typeof (request as RequestLike).url !== 'string') {
    throw new TypeError('analyzeRequest: expected a Fetch Request or { method, url, headers, body }');
  }
  const acc: Acc = { score: 0, threats: [], failed: false };
  const rawUrl = (request as RequestLike).url;
  // Split the URL by hand: URL() would normalise (and partly decode) the path.
  const noFragment = rawUrl.split('#', 1)[0]!;
  const q = noFragment.indexOf('?');
  let path = q < 0 ? noFragment : noFragment.slice(0, q);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length);
  scanInto(d, acc, path, 'path', 'path');
  if (q >= 0) scanPairs(d, acc, noFragment.slice(q + 1), 'query', 'query');

  const headers = headerEntries((request as RequestLike).headers as RequestLike['headers']);
  scanHeaders(d, acc, headers);

  const body = await readBody(request);
  if (body !== null) {
    const typeHeader = headers.find(([n]) => n === 'content-type')?.[1] ?? '';
    const type = typeHeader.toLowerCase();
    if (typeof body === 'object' && !(body instanceof Uint8Array)) {
      walkJson(d, acc, body, [], 0, new Set());
    } else if (type.includes('json')) {
      const text = typeof body === 'string' ? body : decoder.decode(body);
      let parsed: unknown;
      let ok = true;
      try { parsed = JSON.parse(text); } catch { ok = false; }
      if (ok) walkJson(d, acc, parsed, [], 0, new Set());
      else scanInto(d, acc, body, 'body', 'body');
    } else if (type.startsWith('application/x-www-form-urlencoded')) {
      scanPairs(d, acc, typeof body === 'string' ? body : decoder.decode(body), 'form', 'body');
    } else if (type.startsWith('multipart/form-data')) {
      const boundary = /boundary="?([^";]+)"?/i.exec(typeHeader)?.[1];
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
      if (boundary) scanMultipart(d, acc, bytes, boundary);
      else scanInto(d, acc, bytes, 'body', 'body');
    } else {
      scanInto(d, acc, body, 'body', 'body');
    }
  }
  const blocked = (acc.failed && d.failMode === 'closed') || acc.score >= d.threshold;
  return { blocked, score: acc.score, threats: acc.threats };
}
