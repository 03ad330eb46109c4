// analyzeRequest: find the attacker-controlled parts of a request and scan each one with
// the decoding context it needs. Raw (still percent-encoded) query pieces are scanned, so
// decoding happens once, in the engine.
import type { Detector } from './detector.js';
import { fieldLocation, jsonPathSegment } from './json-path.js';
import type { RequestLike, ScanContext, ScanResult, Threat } from './types.js';
import { RULES } from './rules.generated.js';
import { onlyCategory, uploadNameResult, withoutRule } from './results.js';
import { assertLiveView, CONTEXT_CODES } from './engine.js';
import { contentCodings, inflateBody, textsAsSent, UnsupportedCodingError } from '../http/content-encoding.js';
import { charsetPlan, readableBody } from '../http/charset.js';
import { concatBytes, firstSignificantByte } from '../http/bytes.js';
import { formDecode } from '../http/form-urlencoded.js';
import { Base64Decoder, isMultipart, MultipartReader, multipartBoundary, multipartBoundaryCandidates, TransferEncodingWatch } from '../http/multipart.js';

/** Headers the client sets by protocol, not by attacker choice (or that only carry tokens we cannot judge). */
const SKIP_HEADERS = new Set([
  'accept', 'accept-encoding', 'accept-charset', 'connection', 'content-length', 'content-type',
  'cache-control', 'pragma', 'upgrade-insecure-requests', 'te', 'dnt', 'priority', 'if-none-match',
  'if-modified-since', 'keep-alive', 'upgrade', 'content-encoding', 'transfer-encoding',
]);
/** Headers whose value is `<scheme> <credentials>`: an application looks the credentials up (see scanCredentials). */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);
const SKIP_PREFIXES = ['sec-fetch-', 'sec-ch-', 'sec-websocket-'];
/**
 * Headers an application reads (Accept-Language picks a locale file, Host builds links)
 * whose well-formed values cannot hold an attack: scanned only when a value is not one.
 */
// (a Map: header names are the client's, and an object would answer 'constructor' from its prototype)
/** A host of name bytes alone: a name, an IPv4 or [IPv6] address, a port (also read by the fetch adapters' url). */
export const PLAIN_HOST = /^[A-Za-z0-9.\-:[\]]*$/;
const PLAIN_VALUE = new Map<string, (value: string) => boolean>([
  ['accept-language', plainAcceptLanguage],
  ['host', (value) => PLAIN_HOST.test(value)],
]);
/**
 * The IAB's US Privacy string (cookie `usprivacy`, parameter `us_privacy` of ad and analytics calls): a version digit and
 * three of Y, N or '-' — `1---`, "not applicable", is what many US sites set for every visitor, and reads as a number
 * cut off by an SQL comment. A value of exactly that grammar under that name is no value to scan.
 */
const US_PRIVACY = /^1[YNyn-]{3}$/;
const US_PRIVACY_NAMES = new Set(['usprivacy', 'us_privacy']);
/**
 * A Referer that is an http(s) URL as browsers write one: they percent-encode whitespace, control bytes, quotes, '<' '>'
 * '`' '{' '}' in an http(s) URL (and '\\' is a '/' to them). A value with any of those as they are was written by hand,
 * and is read as a header value: an application that shows or stores the header as sent meets it so.
 */
const HTTP_ADDRESS = /^https?:\/\/[^\x00-\x20\x7f"'<>`\\{}]*$/i;
/** Path bytes that make no value but a name (/api/v1/users/42, /static/app-3.2.min.js): no segment to scan apart. */
const PLAIN_PATH = /^[A-Za-z0-9._~\/-]*$/;
const LANGUAGE_RANGE = /^(?:\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$/;
const QUALITY = /^q[ \t]*=[ \t]*(?:0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)$/;

/** RFC 9110's Accept-Language: language ranges with optional weights, comma-separated (words with spaces between are not). */
function plainAcceptLanguage(value: string): boolean {
  if (value.length > 512) return false;
  for (const item of value.split(',')) {
    const [range, ...params] = item.split(';');
    const trimmed = range!.trim();
    if (trimmed === '' && params.length === 0) continue; // (empty list elements are allowed)
    if (!LANGUAGE_RANGE.test(trimmed)) return false;
    for (const param of params) if (!QUALITY.test(param.trim())) return false;
  }
  return true;
}
const MAX_JSON_DEPTH = 64;
/** A cookie name of letters, digits and `_.-` (`_ga`, `__Host-sid`) holds nothing to scan. */
const PLAIN_COOKIE_NAME = /^[A-Za-z0-9_.-]*$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Acc { score: number; threats: Threat[]; failed: boolean; truncated?: true }
/** Findings listed per request part; past it they still score (see ScanResult.truncated). */
export const MAX_LISTED_FINDINGS = 100;
/** A location longer than this is cut (a deep JSON path of long keys could be kilobytes per finding). */
export const MAX_LOCATION_LENGTH = 512;

/**
 * Scan one field; `location` is a string, or a function so clean fields never build one; `counts`:
 * what of the result counts for such a field (see uploadNameResult). True: clean.
 */
function scanInto(d: Detector, acc: Acc, value: string | Uint8Array, context: ScanContext, location: string | (() => string), counts?: (r: ScanResult | null) => ScanResult | null): boolean {
  if (value.length === 0) return true;
  const scanned = d.scanField(value, context);
  const r = counts === undefined ? scanned : counts(scanned);
  if (r === null || r.threats.length === 0) return true;
  // (past the list's bound the location is never built: a finding then only scores)
  addThreats(acc, r, acc.threats.length >= MAX_LISTED_FINDINGS ? '' : typeof location === 'string' ? location : location());
  return false;
}

function addThreats(acc: Acc, r: ScanResult, where: string): void {
  acc.score += r.score;
  for (const t of r.threats) {
    if (t.ruleId === 'internal.error') acc.failed = true;
    if (acc.threats.length < MAX_LISTED_FINDINGS) acc.threats.push({ ...t, location: where });
    else acc.truncated = true;
  }
}

/** JSON text parsed as JSON readers parse it (a leading BOM skipped); `undefined` when it is no JSON. */
function parseJson(text: string): { value: unknown } | undefined {
  try { return { value: JSON.parse(text.replace(/^\uFEFF/, '')) }; } catch { return undefined; }
}

function safeDecode(s: string, plus: boolean): string {
  try { return decodeURIComponent(plus ? s.replace(/\+/g, ' ') : s); } catch { return s; }
}

/** Values handed to one {@link Detector.scanFieldList} call at most. */
const PAIR_BATCH = 1024;
// scanPairs' batch (it is synchronous and calls nothing that scans pairs: one pair of arrays serves
// every call): (start, end, context) of each value to scan, in order, and (start, end) of the name of
// the pair it is in, for its location.
const pairRanges = new Int32Array(3 * PAIR_BATCH);
const pairNames = new Int32Array(2 * PAIR_BATCH);

/**
 * name=value pairs of a query string or urlencoded body, both raw: each pair's name and value,
 * and the qs reading of it below. The values go to the engine in batches (a form of thousands of
 * short fields would cost a host call each), scanned and counted as one scanField call each would.
 */
function scanPairs(d: Detector, acc: Acc, raw: string, context: ScanContext, prefix: string): void {
  const code = CONTEXT_CODES[context];
  const ranges = pairRanges;
  const names = pairNames;
  let count = 0;
  // One pass over the text: where the pair began, its first '=' (-1: none yet), and in its value the
  // first `]=` (qs, Express's extended parser and Fastify with qs, splits a pair there when it has
  // one: `f[1' OR '1'='1]=x` is the key `f[1' OR '1'='1]`, which neither the name nor the value holds).
  // (No closures here: this loop runs once per byte of the text.)
  const n = raw.length;
  let start = 0;
  let eq = -1;
  let qs = -1;
  /** (name start, name end, value start, value end) of each value that starts like JSON (rare: made on the first). */
  let documents: number[] | undefined;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? raw.charCodeAt(i) : 0x26;
    if (c === 0x3d) { // '='
      if (eq < 0) eq = i;
      else if (qs < 0 && i - 1 > eq && raw.charCodeAt(i - 1) === 0x5d) qs = i - 1;
    } else if (c === 0x26) { // '&': the pair [start, i) ends
      if (i > start) {
        // (a batch holds at most PAIR_BATCH values, and a pair adds three at most)
        if (count > PAIR_BATCH - 3) { flushPairs(d, acc, raw, count, prefix); count = 0; }
        const nameEnd = eq < 0 ? i : eq;
        if (nameEnd > start) {
          ranges[3 * count] = start; ranges[3 * count + 1] = nameEnd; ranges[3 * count + 2] = code;
          names[2 * count] = start; names[2 * count + 1] = nameEnd;
          count++;
        }
        if (eq >= 0 && i > eq + 1) {
          ranges[3 * count] = eq + 1; ranges[3 * count + 1] = i; ranges[3 * count + 2] = code;
          names[2 * count] = start; names[2 * count + 1] = nameEnd;
          count++;
          if (startsLikeJson(raw, eq + 1)) (documents ??= []).push(start, nameEnd, eq + 1, i);
        }
        if (qs >= 0) {
          ranges[3 * count] = start; ranges[3 * count + 1] = qs + 1; ranges[3 * count + 2] = code;
          names[2 * count] = start; names[2 * count + 1] = nameEnd;
          count++;
        }
      }
      start = i + 1;
      eq = -1;
      qs = -1;
    }
  }
  flushPairs(d, acc, raw, count, prefix);
  if (documents === undefined) return;
  for (let k = 0; k < documents.length; k += 4) {
    const name = safeDecode(raw.slice(documents[k]!, documents[k + 1]!), true);
    // (decoded as the application's parser decodes it, and as the middleware's form reader does: a stray '%' stays)
    const text = decoder.decode(formDecode(encoder.encode(raw.slice(documents[k + 2]!, documents[k + 3]!))));
    scanDocument(d, acc, text, prefix === 'body' ? fieldLocation(name) : `${prefix}:${name}`);
  }
}

/** The text at `at` opens with '{' or '[', as sent or percent-encoded (%7B %5B). */
function startsLikeJson(raw: string, at: number): boolean {
  const c = raw.charCodeAt(at);
  if (c === 0x7b || c === 0x5b) return true;
  if (c !== 0x25) return false;
  const hi = raw.charCodeAt(at + 1);
  const lo = raw.charCodeAt(at + 2) | 0x20;
  return (hi === 0x37 || hi === 0x35) && lo === 0x62;
}

/**
 * ?filter={"where":{"name":"1 or 1"}}, a cookie j:{…}: a value that is itself a JSON document, which the application
 * JSON.parses (LoopBack's filter, cookie-parser's JSON cookies, a client's state): its keys and strings are values of
 * their own there, where the scan of the whole text saw them mid-text. Located at the value that holds the document.
 */
function scanDocument(d: Detector, acc: Acc, text: string, location: string): void {
  const parsed = parseJson(text)?.value;
  if (parsed === null || typeof parsed !== 'object') return;
  const inner: Acc = { score: 0, threats: [], failed: false };
  walkJson(d, inner, parsed, [], 0, newWalk());
  if (inner.threats.length === 0 && !inner.failed) return;
  acc.score += inner.score;
  acc.failed ||= inner.failed;
  if (inner.truncated) acc.truncated = true;
  for (const t of inner.threats) {
    if (acc.threats.length < MAX_LISTED_FINDINGS) acc.threats.push({ ...t, location });
    else acc.truncated = true;
  }
}

/** Scan the first `count` values of scanPairs' batch; a finding's location names its pair. */
function flushPairs(d: Detector, acc: Acc, raw: string, count: number, prefix: string): void {
  const names = pairNames;
  const hits = d.scanFieldList(raw, pairRanges, 0, count);
  for (let h = 0; h < hits; h++) {
    const k = d.listHits[h]!;
    const r = d.listResults[h]!;
    if (r.threats.length === 0) continue;
    if (US_PRIVACY.test(raw.slice(pairRanges[3 * k]!, pairRanges[3 * k + 1]!)) &&
        US_PRIVACY_NAMES.has(raw.slice(names[2 * k]!, names[2 * k + 1]!).toLowerCase())) continue;
    // (past the list's bound the location is never built: a finding then only scores)
    let where = '';
    if (acc.threats.length < MAX_LISTED_FINDINGS) {
      const name = safeDecode(raw.slice(names[2 * k]!, names[2 * k + 1]!), true);
      where = prefix === 'body' ? fieldLocation(name) : `${prefix}:${name}`;
    }
    addThreats(acc, r, where);
  }
}

/** Headers skipped by prefix (all start with 'sec-'). */
function skippedHeader(name: string): boolean {
  if (SKIP_HEADERS.has(name)) return true;
  if (!name.startsWith('sec-')) return false;
  for (const p of SKIP_PREFIXES) if (name.startsWith(p)) return true;
  return false;
}

/** One header (name lowercased): scanned unless skipped; the location is built only for a finding. */
function scanHeader(d: Detector, acc: Acc, name: string, value: string): void {
  if (skippedHeader(name)) return;
  if (name === 'cookie') {
    for (const pair of value.split(';')) {
      const eq = pair.indexOf('=');
      // Names too: cookie parsers hand them to the application as keys (req.cookies).
      const cookieName = eq > 0 ? pair.slice(0, eq).trim() : '';
      if (!PLAIN_COOKIE_NAME.test(cookieName)) scanInto(d, acc, cookieName, 'header', 'header:cookie');
      const cookie = eq < 0 ? pair.trim() : pair.slice(eq + 1).trim();
      if (US_PRIVACY.test(cookie) && US_PRIVACY_NAMES.has(cookieName.toLowerCase())) continue;
      // uid="1 or 1": cookie parsers (cookie.parse, Hono's getCookie) hand the value over without its double quotes;
      // a header read by hand keeps them. The unquoted reading first, the value as sent only if that one is clean.
      if (cookie.charCodeAt(0) !== 0x22) scanInto(d, acc, cookie, 'header', 'header:cookie');
      else if (scanInto(d, acc, cookie.slice(1, cookie.length > 1 && cookie.endsWith('"') ? -1 : undefined), 'header', 'header:cookie')) scanInto(d, acc, cookie, 'header', 'header:cookie');
      // (cookie-parser reads a value "j:" + JSON as that JSON; cookie parsers percent-decode first)
      const json = cookie.startsWith('j:') ? 2 : cookie.startsWith('j%3A') || cookie.startsWith('j%3a') ? 4 : 0;
      if (startsLikeJson(cookie, json)) scanDocument(d, acc, safeDecode(cookie.slice(json), false), 'header:cookie');
    }
    return;
  }
  if (CREDENTIAL_HEADERS.has(name)) { scanCredentials(d, acc, name, value); return; }
  if (value.length === 0) return;
  const plain = PLAIN_VALUE.get(name);
  if (plain !== undefined && plain(value)) return;
  // Referer: https://shop.test/search?q=javascript%3A+the+good+parts — an address, read as the request's own target is
  // (a same-origin referrer keeps the query the site was just asked: a search it let through, read the same way)
  if (name === 'referer' && HTTP_ADDRESS.test(value)) {
    scanTarget(d, acc, value, 'header:referer');
    // …and whole, for a shell that is handed the header as sent: '&' between pairs chains commands there (x.test/?a=1&id,
    // ?x&&IFS=,&&c=touch,/tmp/p&&$c: red team rt33). Only its command-injection findings: the address admits no quote,
    // '<' or whitespace, so SQL and markup read it as the pairs do.
    const whole = d.scanField(value, 'header');
    if (whole !== null && whole.threats.length > 0) {
      const shell = onlyCategory(whole, 'cmdi');
      if (shell.threats.length > 0) addThreats(acc, shell, 'header:referer');
    }
    return;
  }
  const r = d.scanField(value, 'header');
  if (r !== null && r.threats.length > 0) addThreats(acc, r, `header:${name}`);
}

/**
 * Authorization: Bearer x' OR '1'='1 — an application looks a token up (or decodes Basic credentials and looks the user
 * up), so the credentials are a value like any other. Basic's base64 is decoded as Node's Buffer decodes it (what the
 * basic-auth package and passport-http use: bytes outside the alphabet skipped, any padding) and its user and password
 * scanned apart; a known scheme's credentials are scanned as sent; a value with no known scheme first is scanned whole
 * (an application that takes the whole header as its token gets all of it).
 */
function scanCredentials(d: Detector, acc: Acc, name: string, value: string): void {
  const trimmed = value.trim();
  const space = trimmed.search(/[ \t]/);
  const scheme = space < 0 ? '' : trimmed.slice(0, space).toLowerCase();
  const location = `header:${name}`;
  if (!AUTH_SCHEMES.has(scheme)) { scanInto(d, acc, trimmed, 'header', location); return; }
  const credentials = trimmed.slice(space + 1).trim();
  if (scheme === 'basic') {
    const decoded = base64Text(credentials);
    const colon = decoded.indexOf(':');
    if (colon < 0) scanInto(d, acc, decoded, 'header', location);
    else { scanInto(d, acc, decoded.slice(0, colon), 'header', location); scanInto(d, acc, decoded.slice(colon + 1), 'header', location); }
    // (the text as sent too, when it holds more than base64: an application that reads it undecoded)
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(credentials)) scanInto(d, acc, credentials, 'header', location);
    return;
  }
  scanInto(d, acc, credentials, 'header', location);
}

/** Schemes of the IANA registry and the usual vendor ones: the credentials after them are scanned apart. */
const AUTH_SCHEMES = new Set(['basic', 'bearer', 'digest', 'negotiate', 'ntlm', 'token', 'hawk', 'hoba', 'mutual', 'vapid',
  'scram-sha-1', 'scram-sha-256', 'privatetoken', 'concealed', 'dpop', 'gnap', 'aws4-hmac-sha256', 'aws', 'sharedkey',
  'sharedkeylite', 'goog4-hmac-sha256', 'oauth', 'mac', 'apikey', 'api-key', 'sso-key', 'splunk', 'ssws', 'klaviyo-api-key']);

const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64_VALUE['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
BASE64_VALUE[0x2d] = 62; // base64url's - and _, which Buffer takes too
BASE64_VALUE[0x5f] = 63;

/** Base64 decoded as Node's Buffer.from(text, 'base64') decodes it (other bytes skipped, '=' ends it), as UTF-8. */
function base64Text(text: string): string {
  const bytes = new Uint8Array(Math.ceil(text.length * 3 / 4));
  let n = 0;
  let bits = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) break;
    const v = c < 128 ? BASE64_VALUE[c]! : -1;
    if (v < 0) continue;
    bits = (bits << 6) | v;
    count += 6;
    if (count >= 8) { count -= 8; bytes[n++] = (bits >> count) & 0xff; }
  }
  return decoder.decode(bytes.subarray(0, n));
}

/** scanHeader, then the request's Content-Type so far: `type`, or this header's value if it is the first. */
function visitHeader(d: Detector, acc: Acc, name: string, value: string, type: string | undefined): string | undefined {
  scanHeader(d, acc, name, value);
  return type === undefined && name === 'content-type' ? value : type;
}

/**
 * Scan the headers in order, walking them where they are (a Node request's header object
 * needs no list of entries built per request). Returns the first Content-Type, '' when none.
 */
function scanHeaders(d: Detector, acc: Acc, headers: RequestLike['headers'] | Headers | undefined): string {
  if (!headers) return '';
  let type: string | undefined;
  const isHeaders = typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function';
  if (isHeaders || typeof (headers as Iterable<[string, string]>)[Symbol.iterator] === 'function') {
    // (entries first, then scans: a scan must not run while a Headers object iterates)
    const entries: Array<[string, string]> = [];
    if (isHeaders) (headers as Headers).forEach((value, name) => entries.push([name.toLowerCase(), value]));
    else for (const [name, value] of headers as Iterable<[string, string]>) entries.push([String(name).toLowerCase(), String(value)]);
    for (const [name, value] of entries) type = visitHeader(d, acc, name, value, type);
    return type ?? '';
  }
  const record = headers as Record<string, string | string[] | undefined>;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    const value = record[key];
    if (value === undefined) continue;
    const name = key.toLowerCase();
    if (Array.isArray(value)) for (const v of value) type = visitHeader(d, acc, name, String(v), type);
    else type = visitHeader(d, acc, name, String(value), type);
  }
  return type ?? '';
}

/** JSONPath-like location of the value at `keys` (object keys and array indexes), built only for findings. */
function jsonLocation(keys: Array<string | number>, depth: number): string {
  let path = 'body:$';
  for (let i = 0; i < depth && path.length < MAX_LOCATION_LENGTH; i++) path += jsonPathSegment(keys[i]!);
  return path.length <= MAX_LOCATION_LENGTH ? path : `${path.slice(0, MAX_LOCATION_LENGTH)}…`;
}

// Keys of one body found clean so far: arrays of records repeat their keys, and a scan of a
// value depends only on its bytes and context, so a key found clean once is clean at every
// member. Bounded; dropped with the request.
const MAX_CLEAN_KEYS = 256;
const MAX_CLEAN_KEY_LENGTH = 64;

/** Walk a parsed JSON value: every key and every string value; `keys[0..depth)` is the path to it. */
function walkJson(d: Detector, acc: Acc, value: unknown, keys: Array<string | number>, depth: number, walk: Walk): void {
  if (typeof value === 'string') { scanInto(d, acc, value, 'json', () => jsonLocation(keys, depth)); return; }
  if (value === null || typeof value !== 'object') return;
  // (an object met again is read once: see Walk)
  if (walk.seen.has(value)) return;
  walk.seen.add(value);
  // A parsed value holds what its parser makes: bytes (msgpack, CBOR, BSON), a String object, a
  // Map or Set. Each is read, never passed over as an object without own keys.
  if (ArrayBuffer.isView(value)) { scanInto(d, acc, bodyBytes(d, value), 'json', () => jsonLocation(keys, depth)); return; }
  if (value instanceof String) { walkJson(d, acc, value.valueOf(), keys, depth, walk); return; }
  if (value instanceof Map || value instanceof Set) {
    // (a Map's keys too; an entry's place is its index)
    let i = 0;
    for (const entry of value) {
      keys[depth] = i++;
      walkJson(d, acc, entry, keys, depth + 1, walk);
    }
    return;
  }
  if (depth > MAX_JSON_DEPTH) { walkDeep(d, acc, value, jsonLocation(keys, depth), walk.seen); return; }
  if (Array.isArray(value)) {
    // The array's short strings are scanned in batches (an array of many would cost a host call
    // each): a run of them, up to anything else, which is walked after the run is scanned. (Runs are
    // joined into one text: bounded, and a long string, which gains nothing, is not joined.)
    let from = 0;
    let chars = 0;
    for (let i = 0; i < value.length; i++) {
      const entry: unknown = value[i];
      if (typeof entry === 'string' && entry.length <= BATCH_STRING_CHARS) {
        chars += entry.length;
        if (i + 1 - from === PAIR_BATCH || chars >= BATCH_RUN_CHARS) {
          scanStrings(d, acc, value as unknown[], from, i + 1, keys, depth);
          from = i + 1;
          chars = 0;
        }
        continue;
      }
      scanStrings(d, acc, value as unknown[], from, i, keys, depth);
      from = i + 1;
      chars = 0;
      keys[depth] = i;
      walkJson(d, acc, entry, keys, depth + 1, walk);
    }
    scanStrings(d, acc, value as unknown[], from, value.length, keys, depth);
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    keys[depth] = key;
    const clean = walk.cleanKeys;
    if (!clean.has(key) && scanInto(d, acc, key, 'json', () => jsonLocation(keys, depth + 1)) &&
        key.length <= MAX_CLEAN_KEY_LENGTH && clean.size < MAX_CLEAN_KEYS) clean.add(key);
    walkJson(d, acc, obj[key], keys, depth + 1, walk);
  }
}

/** Strings of a JSON array longer than this are scanned alone; a run of shorter ones is joined up to about this many. */
const BATCH_STRING_CHARS = 4096;
const BATCH_RUN_CHARS = 1 << 16;
// scanStrings' batch, as scanPairs' (its own: walkJson's recursion never runs while one is scanned).
const stringRanges = new Int32Array(3 * PAIR_BATCH);

/**
 * The strings `array[from, to)` (all strings), scanned as walkJson scans each — in the json
 * context, the empty ones skipped, a finding's location the element's path — but joined into
 * one text whose pieces go to the engine in one call (Detector.scanFieldList).
 */
function scanStrings(d: Detector, acc: Acc, array: unknown[], from: number, to: number, keys: Array<string | number>, depth: number): void {
  if (from === to) return;
  const ranges = stringRanges;
  const code = CONTEXT_CODES.json;
  let count = 0;
  let at = 0;
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const part = array[i] as string;
    if (part.length === 0) continue;
    ranges[3 * count] = at; ranges[3 * count + 1] = at + part.length; ranges[3 * count + 2] = code;
    at += part.length;
    parts.push(part);
    count++;
  }
  if (count === 0) return;
  const text = count === 1 ? parts[0]! : parts.join('');
  // (the element of the k-th piece: the k-th non-empty one from `from`)
  let element = from;
  let piece = 0;
  const hits = d.scanFieldList(text, ranges, 0, count);
  for (let h = 0; h < hits; h++) {
    const k = d.listHits[h]!;
    const r = d.listResults[h]!;
    if (r.threats.length === 0) continue;
    for (; ; element++) if ((array[element] as string).length > 0 && piece++ === k) break;
    keys[depth] = element++;
    addThreats(acc, r, acc.threats.length >= MAX_LISTED_FINDINGS ? '' : jsonLocation(keys, depth + 1));
  }
}

/**
 * One walk of a parsed body: keys found clean so far (arrays of records repeat their keys), and
 * the objects read — one met again (a YAML alias, any parser that shares a value, a cycle) is read
 * once, or a tree of shared references would cost 2^depth.
 */
interface Walk { cleanKeys: Set<string>; seen: WeakSet<object> }
const newWalk = (): Walk => ({ cleanKeys: new Set(), seen: new WeakSet() });

/**
 * What lies below MAX_JSON_DEPTH, walked without recursion (no stack to exhaust) and read as
 * walkJson reads a value — every key and string, bytes, String objects, Maps and Sets — with
 * one location for all of it, the path where the walk went deep. (Its JSON text, stringified,
 * was scanned before: escaped quotes and tabs stayed escapes there, and Maps and bytes came out
 * as `{}` and numbers.) An object met twice (a cycle) is read once.
 */
function walkDeep(d: Detector, acc: Acc, root: unknown, location: string, seen: WeakSet<object>): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') { scanInto(d, acc, value, 'json', location); continue; }
    if (value === null || typeof value !== 'object' || (value !== root && seen.has(value))) continue;
    seen.add(value);
    if (ArrayBuffer.isView(value)) scanInto(d, acc, bodyBytes(d, value), 'json', location);
    else if (value instanceof String) stack.push(value.valueOf());
    else if (Array.isArray(value) || value instanceof Map || value instanceof Set) for (const entry of value) stack.push(entry);
    else {
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        scanInto(d, acc, key, 'json', location);
        stack.push((value as Record<string, unknown>)[key]);
      }
    }
  }
}

/**
 * multipart/form-data: framed by the middleware's reader (src/http/multipart.ts), so both read
 * a body alike. Each part's names and filenames are scanned; its content too unless it is a
 * binary file, and base64-decoded when it says it is base64. A Content-Type whose boundary
 * could be read another way, or a body the reader finds malformed, is also scanned whole as
 * raw text, as the middleware rescans it.
 */
function scanMultipart(d: Detector, acc: Acc, body: Uint8Array, typeHeader: string): void {
  const boundary = multipartBoundary(typeHeader);
  if (boundary !== undefined) {
    if (scanParts(d, acc, body, boundary)) scanMultipartWhole(d, acc, body);
    return;
  }
  // (a boundary that could be read another way: the body as text, and framed by each boundary a parser may take — the
  // graver reading counts, as in the middleware's ReadingsScanner)
  const readings: Acc[] = [{ score: 0, threats: [], failed: false }];
  scanMultipartWhole(d, readings[0]!, body);
  for (const candidate of multipartBoundaryCandidates(typeHeader)) {
    const framed: Acc = { score: 0, threats: [], failed: false };
    scanParts(d, framed, body, candidate);
    readings.push(framed);
  }
  for (const r of readings) {
    acc.threats.push(...r.threats);
    acc.failed ||= r.failed;
    if (r.truncated) acc.truncated = true;
  }
  acc.score += Math.max(...readings.map((r) => r.score));
}

/** The parts of a multipart body framed by `boundary`, each scanned (see scanMultipart); true when the framing was malformed. */
function scanParts(d: Detector, acc: Acc, body: Uint8Array, boundary: string): boolean {
  let name = '';
  let preamble = false;
  let pieces: Uint8Array[] | undefined;
  let base64 = false;
  const reader = new MultipartReader(boundary, {
    open(head) {
      name = head?.name ?? '';
      preamble = head === undefined;
      base64 = false;
      pieces = [];
      if (head === undefined) return true; // text before the first delimiter
      for (const given of new Set(head.names)) scanInto(d, acc, given, 'form', fieldLocation(given));
      for (const filename of new Set(head.filenames)) scanInto(d, acc, filename, 'path', `${fieldLocation(name)}.filename`, (r) => uploadNameResult(r, filename));
      if (head.binaryFile) return false;
      base64 = head.transferEncodings.includes('base64');
      return true;
    },
    data(bytes) {
      pieces!.push(bytes); // (views of `body`, which nothing overwrites)
    },
    close(bytes) {
      pieces!.push(bytes);
      const content = concatBytes(pieces!);
      const where = name === '' ? 'body' : fieldLocation(name);
      scanInto(d, acc, content, 'body', where);
      // (a field sent as a JSON document is read value by value as well, as the handler that parses it reads it)
      const first = preamble ? -1 : firstSignificantByte(content);
      if (first === 0x7b || first === 0x5b) scanDocument(d, acc, decoder.decode(content), where);
      if (base64) {
        const decoder = new Base64Decoder();
        scanInto(d, acc, concatBytes([decoder.push(content), decoder.end()]), 'body', where);
      }
      pieces = undefined;
    },
  });
  reader.push(body);
  reader.finish();
  return reader.malformed;
}

/** A multipart body that cannot be framed one way only: scanned as text; one with a transfer-encoded part is unreadable. */
function scanMultipartWhole(d: Detector, acc: Acc, body: Uint8Array): void {
  scanInto(d, acc, body, 'body', 'body');
  const watch = new TransferEncodingWatch();
  watch.push(body);
  if (watch.found) unreadable(acc);
}


/**
 * A body scanned as plain text; one that starts like JSON (`{` or `[`) also with JSON's escapes
 * decoded, since request.json() reads JSON whatever the Content-Type says. The graver reading
 * counts, not both (the middleware's RawBodyScanner does the same).
 */
function scanRaw(d: Detector, acc: Acc, body: string | Uint8Array): void {
  withJsonReading(d, acc, body, (into) => scanInto(d, into, body, 'body', 'body'));
}

/**
 * `scan` (one reading of the body), and for a body that starts like JSON a json-escaped reading and, when it parses, a
 * reading of its values; the graver scores.
 */
function withJsonReading(d: Detector, acc: Acc, body: string | Uint8Array, scan: (into: Acc) => void): void {
  const first = typeof body === 'string' ? /^[\s\uFEFF]*(.)/.exec(body)?.[1]?.charCodeAt(0) ?? -1 : firstSignificantByte(body);
  const looksJson = first === 0x7b || first === 0x5b; // '{' '['
  if (!looksJson) {
    scan(acc);
    return;
  }
  const text: Acc = { score: 0, threats: [], failed: false };
  const json: Acc = { score: 0, threats: [], failed: false };
  scan(text);
  scanInto(d, json, body, 'json-escaped', 'body');
  // A well-formed document is read value by value too, as request.json() hands it over: {"id":"1 or 1"} is a value of
  // its own there, and a decoy earlier in the text ({"note":"it's", …}) leaves no quote open for the values after it
  const values: Acc = { score: 0, threats: [], failed: false };
  const parsed = parseJson(typeof body === 'string' ? body : decoder.decode(body));
  if (parsed !== undefined) walkJson(d, values, parsed.value, [], 0, newWalk());
  acc.threats.push(...text.threats, ...json.threats, ...values.threats);
  acc.score += Math.max(text.score, json.score, values.score);
  acc.failed ||= text.failed || json.failed || values.failed;
}


/** A Fetch `Request` (or anything with arrayBuffer()): its body must be read asynchronously. */
export function isFetchRequest(request: Request | RequestLike): request is Request {
  return typeof request === 'object' && request !== null && typeof (request as Request).arrayBuffer === 'function';
}

async function readFetchBody(req: Request): Promise<Uint8Array | null> {
  if (req.body === null) return null;
  // (read already, it is gone for the guard as for the application: passing it as clean would be a guess)
  if (req.bodyUsed) throw new TypeError('analyzeRequest: the Request body was already read (bodyUsed); analyze the request before reading its body');
  return new Uint8Array(await req.clone().arrayBuffer());
}

/**
 * A plain request's body as the walk reads it: text, bytes, or a parsed value (JSON, or a form
 * parsed into an object). Read before anything else of the request: a view of the arena's own
 * memory (a lease's bytes) is copied out, since the walk's own acquires may grow memory and
 * detach it. A body of any other kind (a Blob, a stream, a Map…) is refused: read as nothing,
 * it would pass as clean.
 */
function plainBody(d: Detector, request: RequestLike): string | Uint8Array | object | null {
  const body: unknown = request.body;
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return body;
  // (a parsed JSON scalar: nothing an attack can be written in)
  if (typeof body === 'number' || typeof body === 'boolean' || typeof body === 'bigint') return null;
  if (ArrayBuffer.isView(body)) return bodyBytes(d, body);
  if (body instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && body instanceof SharedArrayBuffer)) return new Uint8Array(body);
  if (body instanceof String) return body.valueOf();
  if (typeof URLSearchParams === 'function' && body instanceof URLSearchParams) return body.toString();
  if (body instanceof Map || body instanceof Set) return body; // (a parsed value: walked as walkJson reads one)
  if (typeof body === 'object') {
    const proto = Object.getPrototypeOf(body);
    if (Array.isArray(body) || proto === Object.prototype || proto === null) return body;
  }
  const kind = typeof body === 'object' ? (body as object).constructor?.name ?? 'object' : typeof body;
  throw new TypeError(`analyzeRequest: cannot read a body of type ${kind}; give a string, bytes (Uint8Array, ArrayBuffer, a typed array or DataView) or a parsed JSON/form value (plain object or array), or pass a Fetch Request`);
}

/**
 * A plain request's Content-Type for its body: a `URLSearchParams` body with no Content-Type is
 * a form (as fetch labels one it sends), so its fields are read as such (`body:a`), not as text.
 */
function plainBodyType(request: RequestLike, typeHeader: string): string {
  if (typeHeader !== '' || typeof URLSearchParams !== 'function' || !(request.body instanceof URLSearchParams)) return typeHeader;
  return 'application/x-www-form-urlencoded';
}

/**
 * Bytes given as a body (a Uint8Array, a Buffer, any typed array or a DataView) as a Uint8Array
 * the walk can keep: one over the arena's own memory is copied out (a fresh array: a Buffer's
 * slice() is a view), since the walk's own acquires may grow memory and detach it.
 */
function bodyBytes(d: Detector, view: ArrayBufferView): Uint8Array {
  assertLiveView(d.arena, view, 'analyzeRequest');
  const bytes = view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return d.engine.ownsView(bytes) ? new Uint8Array(bytes) : bytes;
}

function checkRequest(request: Request | RequestLike): void {
  if (request === null || typeof request !== 'object' || typeof (request as RequestLike).url !== 'string') {
    throw new TypeError('analyzeRequest: expected a Fetch Request or { method, url, headers, body }');
  }
}

/** Path, query and headers; returns the Content-Type header ('' when none). */
function scanHead(d: Detector, acc: Acc, request: Request | RequestLike): string {
  scanTarget(d, acc, (request as RequestLike).url, '');
  return scanHeaders(d, acc, (request as RequestLike).headers as RequestLike['headers']);
}

/**
 * A request target as routers and URL parsers hand it to the application: an absolute-form target's authority, the path
 * whole and by segment, and what follows it as query pairs. `where` names what holds it: '' the request itself (locations
 * host, path, query:<name>), or a header whose value is an address (header:referer, header:referer:<name>).
 */
function scanTarget(d: Detector, acc: Acc, rawUrl: string, where: string): void {
  // Split the URL by hand: URL() would normalise (and partly decode) the path. A browser never
  // sends a fragment, but a client can, and routers disagree about it: Fastify's find-my-way
  // starts the query at a '#' as at a '?'. So the path ends at the first of the two and
  // everything after it is scanned as query pairs; nothing of the target goes unscanned.
  const q = rawUrl.search(/[?#]/);
  let path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  // (a path that starts with '/', the usual case, cannot start with a scheme)
  if (path.charCodeAt(0) !== 0x2f) {
    const scheme = /^[a-z][a-z0-9+.-]*:\/\/([^/]*)/i.exec(path);
    if (scheme) {
      // GET http://x'or'1'='1/tenant: an absolute-form target's authority is the host new URL(req.url) gives the
      // application, whatever the Host header says — scanned as that header is
      const authority = scheme[1]!;
      if (!PLAIN_HOST.test(authority)) scanInto(d, acc, authority, 'header', where || 'host');
      path = path.slice(scheme[0].length);
    }
  }
  // /users/1%20or%201: a router hands each segment to the application as a parameter, so a segment is scanned as a
  // value of its own too (the whole path reads it as one more step of a path) — only a path with more than plain
  // name bytes in it has a segment that can hold anything
  if (scanInto(d, acc, path, 'path', where || 'path') && !PLAIN_PATH.test(path)) {
    // (read as a header value is: percent-decoded, '+' kept — a segment is a file name or an id to the handler, so
    // %2Fproc%2Fkallsyms is an absolute path there, not the root of a URL)
    for (const segment of path.split('/')) if (!PLAIN_PATH.test(segment)) scanInto(d, acc, segment, 'header', where || 'path');
  }
  if (q >= 0) scanPairs(d, acc, rawUrl.slice(q + 1), 'query', where || 'query');
}

function scanBody(d: Detector, acc: Acc, body: string | Uint8Array | object | null, typeHeader: string): ScanResult {
  if (body !== null) {
    const type = typeHeader.toLowerCase();
    if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
      walkJson(d, acc, body, [], 0, newWalk());
    } else if (type.includes('json')) {
      const parsed = parseJson(typeof body === 'string' ? body : decoder.decode(body));
      if (parsed !== undefined) walkJson(d, acc, parsed.value, [], 0, newWalk());
      else scanRaw(d, acc, body);
    } else if (type.startsWith('application/x-www-form-urlencoded')) {
      const text = typeof body === 'string' ? body : decoder.decode(body);
      // (a handler may call request.json() on a form body all the same)
      withJsonReading(d, acc, body, (into) => scanPairs(d, into, text, 'form', 'body'));
    } else if (type.startsWith('multipart/form-data')) {
      scanMultipart(d, acc, typeof body === 'string' ? new TextEncoder().encode(body) : body, typeHeader);
    } else {
      scanRaw(d, acc, body);
    }
  }
  const blocked = (acc.failed && d.failMode === 'closed') || acc.score >= d.threshold;
  return acc.truncated ? { blocked, score: acc.score, threats: acc.threats, truncated: true } : { blocked, score: acc.score, threats: acc.threats };
}

/**
 * Scan a Fetch `Request` field by field (Detector.scanField), its body read from a clone; the
 * caller ends the batch with endFields. A plain request goes to analyzeRequestSync.
 */
export async function analyzeRequest(d: Detector, request: Request | RequestLike): Promise<ScanResult> {
  checkRequest(request);
  const fetched = isFetchRequest(request);
  const acc: Acc = { score: 0, threats: [], failed: false };
  // (a plain body first: the head's scans may grow memory, detaching a body in it)
  let body = fetched ? null : plainBody(d, request as RequestLike);
  const typeHeader = fetched ? scanHead(d, acc, request) : plainBodyType(request as RequestLike, scanHead(d, acc, request));
  if (fetched) body = await readFetchBody(request);
  if (body instanceof Uint8Array) {
    // The body as it came over the wire: inflated, then read in its charset, as the application will.
    // A plain request's body is the application's, inflated already (express.raw() inflates and keeps
    // the header) — unless its bytes still are what the last coding makes: then it was passed as sent.
    const codings = contentCodings(fetched ? request.headers.get('content-encoding') ?? undefined : plainHeader(request as RequestLike, 'content-encoding'));
    if (codings.length > 0 && (fetched || stillEncoded(body, codings[codings.length - 1]!))) {
      // (what an application that does not inflate reads and inflating skips: see textsAsSent; a plain
      // body's bytes as given are read whole below)
      if (fetched) for (const text of textsAsSent(body, codings)) scanInto(d, acc, text, 'body', 'body');
      try {
        const given = body;
        body = await inflateBody(body, codings, d.maxScanBytes);
        // (a plain body that still looked encoded may be what the application reads as it is — a
        // gzip file inside a body its parser inflated once — and a compressed stream's own bytes can
        // spell an attack that inflating turns into something else: its bytes as given are read too)
        if (!fetched) scanInto(d, acc, given, 'body', 'body');
      } catch (error) {
        // (a plain body only looked encoded — a zlib header is two bytes that text matches one time in 31 —
        // or is one the application could not inflate either, or has bytes after its encoded stream: its
        // bytes are scanned as they are, which holds those bytes in clear; one in a coding this runtime
        // cannot inflate, zstd here, is unreadable as a Fetch body is)
        if (fetched || error instanceof UnsupportedCodingError) unreadable(acc);
      }
    }
  }
  return scanBodyReadings(d, acc, body, typeHeader);
}

/**
 * Do `bytes` start as `coding` makes a body start (gzip's magic, a zlib header, zstd's magic)?
 * Brotli has no signature: a plain body in it is taken as inflated, as for any unknown coding.
 */
function stillEncoded(bytes: Uint8Array, coding: string): boolean {
  const b0 = bytes[0] ?? -1, b1 = bytes[1] ?? -1;
  if (coding === 'gzip' || coding === 'x-gzip') return b0 === 0x1f && b1 === 0x8b;
  if (coding === 'deflate') return (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
  if (coding === 'zstd') return b0 === 0x28 && b1 === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd;
  return false;
}

/** A plain request's header `name` (lower case), its values joined as a list; undefined when absent. */
function plainHeader(request: RequestLike, name: string): string | undefined {
  const headers = request.headers;
  if (headers === undefined || headers === null) return undefined;
  const values: string[] = [];
  const add = (key: string, value: unknown) => {
    if (key.toLowerCase() !== name || value === undefined) return;
    if (Array.isArray(value)) values.push(...value.map(String)); else values.push(String(value));
  };
  if (typeof (headers as Iterable<[string, string]>)[Symbol.iterator] === 'function') {
    for (const [key, value] of headers as Iterable<[string, string]>) add(key, value);
  } else {
    for (const key of Object.keys(headers)) add(key, (headers as Record<string, unknown>)[key]);
  }
  return values.length === 0 ? undefined : values.join(', ');
}

const UNREADABLE = RULES.find((r) => r.id === 'limit.unreadable-body')!;

/** The body could not be read as the application will read it: a finding of its own (its bytes are scanned as they are). */
function unreadable(acc: Acc): void {
  addThreats(acc, { blocked: true, score: UNREADABLE.score, threats: [{ category: UNREADABLE.category, ruleId: UNREADABLE.id, severity: UNREADABLE.severity, score: UNREADABLE.score, offset: 0, length: 0 }] }, 'body');
}

/**
 * Scan the body in every reading an application may give it (as the middleware does): its
 * bytes, and for a body labelled UTF-16 also its text — body-parser decodes by the charset,
 * request.json(), Fastify and busboy read the bytes as UTF-8. The bytes' reading of such a
 * body is counted without path.null-byte (the label explains its zero bytes). A charset the
 * detector cannot read is limit.unreadable-body.
 */
/** One reading of a body, scanned apart, without the findings of `ruleId` (each field scores a rule once). */
function readingWithout(d: Detector, body: Uint8Array, typeHeader: string, ruleId: string): Acc {
  const reading: Acc = { score: 0, threats: [], failed: false };
  const { score, threats, truncated } = withoutRule(scanBody(d, reading, body, typeHeader), ruleId);
  return truncated ? { score, threats, failed: reading.failed, truncated } : { score, threats, failed: reading.failed };
}

function scanBodyReadings(d: Detector, acc: Acc, body: string | Uint8Array | object | null, typeHeader: string): ScanResult {
  if (!(body instanceof Uint8Array)) return scanBody(d, acc, body, typeHeader);
  const plan = charsetPlan(typeHeader);
  if (plan === undefined) unreadable(acc);
  if (plan === undefined || plan === 'bytes' || isMultipart(typeHeader)) return scanBody(d, acc, body, typeHeader);
  const text = readableBody(body, typeHeader);
  if (text === undefined) {
    unreadable(acc);
    return scanBody(d, acc, body, typeHeader);
  }
  // The bytes' reading without path.null-byte (the label explains its zeros); the text's
  // without limit.oversize (UTF-8 may be half as long again as its UTF-16; the bytes' reading
  // enforces the limit on what was sent).
  const bytesAcc = readingWithout(d, body, typeHeader, 'path.null-byte');
  const textAcc = readingWithout(d, text, typeHeader, 'limit.oversize');
  acc.threats.push(...bytesAcc.threats, ...textAcc.threats);
  acc.score += Math.max(bytesAcc.score, textAcc.score); // (two readings of one body: the graver counts)
  acc.failed ||= bytesAcc.failed || textAcc.failed;
  if (bytesAcc.truncated || textAcc.truncated) acc.truncated = true;
  return scanBody(d, acc, null, typeHeader);
}

/**
 * {@link analyzeRequest} of a request that is not a Fetch `Request` (its body, if any, is
 * given, not read), synchronously: what the middleware asks for every request.
 */
export function analyzeRequestSync(d: Detector, request: RequestLike): ScanResult {
  checkRequest(request);
  if (isFetchRequest(request)) throw new TypeError('analyzeRequestSync: a Fetch Request must go through analyzeRequest');
  const acc: Acc = { score: 0, threats: [], failed: false };
  // (first: the head's scans may grow memory, detaching a body in it)
  const body = plainBody(d, request);
  const typeHeader = plainBodyType(request, scanHead(d, acc, request));
  // A body given is the application's (already inflated), but bytes are still in their charset.
  return scanBodyReadings(d, acc, body, typeHeader);
}
