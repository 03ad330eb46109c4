// Middleware options: types and validation shared by every adapter.
// Bad values throw RangeError (TypeError for a wrong type) naming the option,
// at factory time, so a misconfigured guard never reaches production traffic.
import type { Arena } from '../arena.js';
import type { GuardDetector, GuardThreat } from './detector.js';
import { globMatch } from './glob.js';
import { RULES } from '../detector/rules.generated.js';
import { rejectUnknownKeys, type KeyList } from '../option-keys.js';

/** One exclusion: a rule (glob) switched off only where it is known to misfire. */
export interface Exclusion {
  /** Rule id glob, e.g. `'sqli.*'` or `'xss.html-tag'` (ids: `RULES`, or a 403's `ruleId`; one matching no id is a RangeError). `*` matches any run, `?` one character. */
  rule: string;
  /**
   * Where the threat was found, e.g. `'body:$.comment'`, `'query:q'`, `'header:cookie'`, or a
   * location exactly as a 403 or `onThreat` showed it (`'body:$[#1f0c9a3e]'` for an odd name). Glob.
   */
  location?: string;
  /** Request path glob, e.g. `'/cms/*'` (`*` also crosses `/`). */
  path?: string;
}

/** What `onThreat` receives for every request in which the detector found something. */
export interface ThreatEvent {
  requestId: string;
  method: string;
  /**
   * The path, and the query with values replaced by `…` (`/search?q=…`); path segments and
   * parameter names that are not plain names (letters, digits, `_.-`, at most 64) appear as
   * `#hash`: request values never reach your logs through events.
   */
  url: string;
  /**
   * `'blocked'`: answered 403. `'monitored'`: would have been blocked, let through because `mode` is `'monitor'`.
   * `'allowed'`: findings scored below the detector's threshold. `'excluded'`: every finding was excluded.
   * `'unavailable'`: the scanner failed (the only findings are `internal.*`) and the request was answered 503;
   * `'failed-open'`: the same failure, let through because `failMode` is `'open'`.
   */
  action: 'blocked' | 'monitored' | 'allowed' | 'excluded' | 'unavailable' | 'failed-open';
  score: number;
  /**
   * Findings that count, after exclusions. Locations name fields as in the 403:
   * plain names as they are, other names (which may be the attack) as `#hash`.
   */
  threats: GuardThreat[];
  /** Findings dropped by an `exclude` entry. */
  excluded: GuardThreat[];
}

/**
 * Options of every `arenaguard(...)` middleware factory and of `guard(...)`.
 *
 * @example
 * ```ts
 * app.use(arenaguard({
 *   mode: 'block',
 *   maxBodyBytes: 256 * 1024,
 *   exclude: [{ rule: 'sqli.*', location: 'body:$.comment' }],
 *   onThreat: (e) => console.warn(e.requestId, e.threats),
 * }));
 * ```
 */
export interface GuardOptions<Req = unknown> {
  /** A detector to share (with metrics, other routes). Default: one is created on first use. */
  detector?: GuardDetector;
  /** Arena whose slots hold request bodies. Default: the detector's arena. */
  arena?: Arena;
  /** `'block'` (default) answers 403; `'monitor'` only reports through `onThreat`. */
  mode?: 'block' | 'monitor';
  /** Detector paranoia when the detector is created here: 1 (default) or 2. */
  paranoia?: 1 | 2;
  /**
   * When the scanner itself fails: `'closed'` (default) refuses the request (503), `'open'` lets it
   * through. A scan that finds no free slot is load, not a failure: it is answered 503 either way.
   */
  failMode?: 'open' | 'closed';
  /** Called for every request with findings (also in monitor mode). Errors it throws, and rejections of a promise it returns, are swallowed. */
  onThreat?: (event: ThreatEvent) => void | Promise<void>;
  /** Return true to let a request through unscanned (health checks, static files…). */
  skip?: (req: Req) => boolean;
  /** Largest request body accepted, in bytes. Default 1 MiB; larger: 413. 0 refuses any body. */
  maxBodyBytes?: number;
  /** Rule exclusions for known false positives. */
  exclude?: readonly Exclusion[];
  /** How long a request waits for a free slot before a 503. Default 50 ms; 0 = don't wait. */
  slotWaitMs?: number;
  /**
   * How long the guard waits for a request body to arrive in full, in milliseconds, counted from
   * when it starts reading it. Past it the request is answered `408` with `Connection: close` (on
   * HTTP/2 its stream is reset), its slots go back at once, and it never reaches the application.
   * A body already in full when the guard runs (most small ones) is never timed.
   *
   * Default: 60 s for each MiB of `maxBodyBytes`, and at least 60 s — 60 s for the default
   * 1 MiB, which an upload at 140 kbit/s (a poor 3G or a good 2G uplink) still meets. `false`:
   * no deadline (the server's own timeouts only). 0 is a `RangeError`: it would refuse every body
   * still on its way.
   *
   * @example
   * ```ts
   * // A form API: bodies up to 64 KiB, which any client sends within 15 s.
   * app.use(arenaguard({ maxBodyBytes: 64 * 1024, bodyTimeoutMs: 15_000 }));
   * ```
   */
  bodyTimeoutMs?: number | false;
  /** `Retry-After` seconds on a 503. Default 1. */
  retryAfterSeconds?: number;
}

/**
 * Every key of `GuardOptions`. No adapter adds keys of its own (they all pass the user's options
 * through `GuardCore` as they are), so anything else is a typo: `maxBodySize` would leave the
 * body limit at its default without a word.
 */
const GUARD_OPTION_KEYS: KeyList<GuardOptions> = {
  detector: true, arena: true, mode: true, paranoia: true, failMode: true, onThreat: true, skip: true,
  maxBodyBytes: true, exclude: true, slotWaitMs: true, bodyTimeoutMs: true, retryAfterSeconds: true,
};
/** What the Express and Hono factories say when mounted uncalled (`app.use(arenaguard)`). */
export const FACTORY_MISUSE = 'arenaguard: call arenaguard(options) to make the middleware: app.use(arenaguard())';
/** Every key of an `Exclusion`. */
const EXCLUSION_KEYS: KeyList<Exclusion> = { rule: true, location: true, path: true };

export interface ResolvedGuardOptions<Req> {
  detector: GuardDetector | undefined;
  arena: Arena | undefined;
  mode: 'block' | 'monitor';
  paranoia: 1 | 2;
  failMode: 'open' | 'closed';
  onThreat: ((event: ThreatEvent) => void | Promise<void>) | undefined;
  skip: ((req: Req) => boolean) | undefined;
  maxBodyBytes: number;
  exclude: Exclusion[];
  slotWaitMs: number;
  /** Milliseconds, or false for no deadline. */
  bodyTimeoutMs: number | false;
  retryAfterSeconds: number;
}

const MAX_BODY_LIMIT = 2 ** 31 - 1;
/** The longest delay a timer takes (setTimeout fires at once past it). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The default body deadline: 60 s per MiB of `maxBodyBytes`, at least 60 s. A MiB a minute is
 * 140 kbit/s, slower than a poor 3G uplink: a real upload of the largest body allowed meets it,
 * while a client that trickles a byte now and then is cut off within a minute or so.
 */
function defaultBodyTimeout(maxBodyBytes: number): number {
  // (at most about 2,048 minutes, for the largest maxBodyBytes: under MAX_TIMER_MS)
  return Math.max(60_000, Math.ceil((maxBodyBytes / 2 ** 20) * 60_000));
}

function bodyTimeout(value: unknown, maxBodyBytes: number): number | false {
  if (value === undefined) return defaultBodyTimeout(maxBodyBytes);
  if (value === false) return false;
  if (typeof value !== 'number') throw new TypeError(`bodyTimeoutMs must be a number or false, got ${typeof value}`);
  // (0 is not "off": a deadline of no time refuses every body still on its way; false says off)
  if (!Number.isInteger(value) || value < 1 || value > MAX_TIMER_MS) {
    throw new RangeError(`bodyTimeoutMs must be an integer from 1 to ${MAX_TIMER_MS}, or false for no deadline, got ${value}`);
  }
  return value;
}

function oneOf<T extends string | number>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw new RangeError(`${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function integer(name: string, value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${typeof value}`);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

function callback<F>(name: string, value: unknown): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') throw new TypeError(`${name} must be a function, got ${typeof value}`);
  return value as F;
}

function globField(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) {
    throw new RangeError(`${name} must be a non-empty glob string of at most 512 characters`);
  }
  return value;
}

function resolveExclusions(value: unknown): Exclusion[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TypeError('exclude must be an array of { rule, location?, path? }');
  return value.map((entry: unknown, i) => {
    const at = `exclude[${i}]`;
    if (typeof entry !== 'object' || entry === null) throw new TypeError(`${at} must be an object`);
    const e = entry as Record<string, unknown>;
    rejectUnknownKeys(e, EXCLUSION_KEYS, 'arenaguard()', at);
    const rule = globField(`${at}.rule`, e.rule);
    if (rule === undefined) throw new RangeError(`${at}.rule is required`);
    // (a misspelt id would exclude nothing, silently: the false positive it was meant for stays blocked)
    if (!RULES.some((r) => !r.id.startsWith('internal.') && globMatch(rule, r.id))) {
      throw new RangeError(`${at}.rule '${rule}' matches no rule id (ids look like 'xss.script-tag'; globs like 'sqli.*'; see RULES)`);
    }
    return { rule, location: globField(`${at}.location`, e.location), path: globField(`${at}.path`, e.path) };
  });
}

/**
 * Validate and fill in defaults. Throws RangeError/TypeError naming the bad option; `owner`
 * names the factory in the message for an unknown key.
 */
export function resolveGuardOptions<Req>(options: GuardOptions<Req> | undefined, owner = 'arenaguard()'): ResolvedGuardOptions<Req> {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError('options must be an object');
  }
  rejectUnknownKeys(options, GUARD_OPTION_KEYS, owner);
  const o = options ?? {};
  const detector = o.detector;
  if (detector !== undefined && (typeof detector !== 'object' || detector === null || typeof detector.createStream !== 'function')) {
    throw new TypeError('detector must be a detector from createDetector()');
  }
  const shared = detector as { paranoia?: unknown } | undefined;
  if (shared && o.paranoia !== undefined && shared.paranoia !== undefined && shared.paranoia !== o.paranoia) {
    throw new RangeError(`paranoia ${String(o.paranoia)} conflicts with the shared detector's paranoia ${String(shared.paranoia)}: paranoia applies only when the middleware creates its detector`);
  }
  const arena = o.arena;
  if (arena !== undefined && (typeof arena !== 'object' || arena === null || typeof arena.poolFor !== 'function')) {
    throw new TypeError('arena must be an arena from createArena()');
  }
  const maxBodyBytes = integer('maxBodyBytes', o.maxBodyBytes, 0, MAX_BODY_LIMIT, 1024 * 1024);
  return {
    detector,
    arena,
    mode: oneOf('mode', o.mode, ['block', 'monitor'] as const, 'block'),
    paranoia: oneOf('paranoia', o.paranoia, [1, 2] as const, 1),
    failMode: oneOf('failMode', o.failMode, ['open', 'closed'] as const, 'closed'),
    onThreat: callback('onThreat', o.onThreat),
    skip: callback('skip', o.skip),
    maxBodyBytes,
    exclude: resolveExclusions(o.exclude),
    slotWaitMs: integer('slotWaitMs', o.slotWaitMs, 0, 60_000, 50),
    bodyTimeoutMs: bodyTimeout(o.bodyTimeoutMs, maxBodyBytes),
    retryAfterSeconds: integer('retryAfterSeconds', o.retryAfterSeconds, 0, 86_400, 1),
  };
}
