// No leaks of request data (shared: Node, Chromium, Deno), through the fetch guard: the
// 403/413/503 answers (bodies and headers), everything passed to onThreat and anything
// logged never contain the request payload, the Authorization value or cookie values.
// Every request carries distinctive markers; every output is searched for them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createArena, createDetector, createStandardPools, type Arena, type Detector } from '../../src/index.js';
import { trip } from './trip.js';
import { guard, type ThreatEvent } from '../../src/middleware/fetch.js';


const AUTH = 'AuthMarker7f3Kq';
const COOKIE = 'CookieMarker2hWz';
const PAYLOAD = 'PayloadMarker9rTb';
const MARKERS = [AUTH, COOKIE, PAYLOAD];

const CONSOLE = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
let logged: string[] = [];
const saved = new Map<string, (...args: unknown[]) => void>();
const consoleRef = console as unknown as Record<string, (...args: unknown[]) => void>;

let arena: Arena;
let d: Detector;
beforeAll(async () => {
  arena = await createArena({ pools: createStandardPools() });
  d = await createDetector({ arena });
  // Capture anything the guard logs (it should log nothing; if it does, no marker may be in it).
  for (const m of CONSOLE) {
    saved.set(m, consoleRef[m]!);
    consoleRef[m] = (...args: unknown[]) => { logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')); };
  }
});
afterAll(async () => {
  for (const m of CONSOLE) consoleRef[m] = saved.get(m)!;
  await d.close();
  await arena.close();
});
afterEach(() => {
  for (const line of logged) for (const marker of MARKERS) expect(line.includes(marker), `logged: ${line}`).toBe(false);
  logged = [];
});

const secretHeaders = (extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${AUTH}`,
  cookie: `session=${COOKIE}; theme=<script>alert(1)</script>; other=${COOKIE}x`,
  ...extra,
});

async function outputOf(res: Response): Promise<string> {
  const headers: string[] = [];
  res.headers.forEach((v, k) => headers.push(`${k}: ${v}`));
  return `${res.status}\n${headers.join('\n')}\n\n${await res.text()}`;
}

function expectNoMarker(text: string, markers: readonly string[] = MARKERS): void {
  for (const marker of markers) expect(text.includes(marker), `${marker} in ${text.slice(0, 300)}`).toBe(false);
}

describe('no request data in guard outputs', () => {
  const events: ThreatEvent[] = [];
  const app = () => new Response('app');
  const opts = () => ({ detector: d, arena, maxBodyBytes: 4096, onThreat: (e: ThreatEvent) => { events.push(e); } });

  it('403 for attacks in body values, cookies and headers: body, headers and onThreat hold no marker', async () => {
    const handler = guard(app, opts());
    events.length = 0;
    const requests = [
      new Request('http://127.0.0.1/form', {
        method: 'POST', headers: secretHeaders({ 'content-type': 'application/x-www-form-urlencoded' }),
        body: `comment=${encodeURIComponent(`<script>alert('${PAYLOAD}')</script>`)}&name=x`,
      }),
      new Request('http://127.0.0.1/json', {
        method: 'POST', headers: secretHeaders({ 'content-type': 'application/json' }),
        body: JSON.stringify({ user: { bio: `' UNION SELECT ${PAYLOAD} FROM users--` } }),
      }),
      new Request('http://127.0.0.1/raw', { method: 'POST', headers: secretHeaders(), body: `;cat /etc/passwd #${PAYLOAD}` }),
      new Request('http://127.0.0.1/h', { headers: secretHeaders({ 'x-note': `<img src=x onerror=alert('${PAYLOAD}')>` }) }),
    ];
    // Browsers drop a Cookie header set on a Request (forbidden header name); elsewhere the
    // attack may sit only in a cookie.
    if (new Request('http://127.0.0.1/', { headers: { cookie: 'a=b' } }).headers.has('cookie')) {
      requests.push(new Request('http://127.0.0.1/c', { headers: secretHeaders() }));
    }
    for (const req of requests) {
      const res = await handler(req);
      expect(res.status).toBe(403);
      expectNoMarker(await outputOf(res));
    }
    expect(events.length).toBe(requests.length);
    for (const e of events) expectNoMarker(JSON.stringify(e));
  });

  it('413 (declared and streamed) and 503 answers hold no marker', async () => {
    const handler = guard(app, opts());
    const big = `data=${PAYLOAD}${'x'.repeat(5000)}`;
    const declared = await handler(new Request('http://127.0.0.1/up', { method: 'POST', headers: secretHeaders(), body: big }));
    expect(declared.status).toBe(413);
    expectNoMarker(await outputOf(declared));
    const chunks = [big.slice(0, 2000), big.slice(2000)];
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        const next = chunks.shift();
        if (next === undefined) c.close();
        else c.enqueue(new TextEncoder().encode(next));
      },
    });
    const streamed = await handler(new Request('http://127.0.0.1/up', { method: 'POST', headers: secretHeaders(), body: stream, duplex: 'half' } as RequestInit));
    expect(streamed.status).toBe(413);
    expectNoMarker(await outputOf(streamed));

    // 503: the scanner cannot run (its arena trapped).
    const broken = await createArena({ pools: createStandardPools() });
    const bd = await createDetector({ arena: broken });
    try {
      const h503 = guard(app, { detector: bd, arena: broken });
      trip(broken);
      const res = await h503(new Request(`http://127.0.0.1/s?q=${PAYLOAD}`, { headers: secretHeaders() }));
      expect(res.status).toBe(503);
      expectNoMarker(await outputOf(res));
    } finally {
      await bd.close();
      await broken.close();
    }
  });

  it('a clean request with secrets passes and reports nothing', async () => {
    events.length = 0;
    const handler = guard(app, opts());
    const res = await handler(new Request(`http://127.0.0.1/ok?q=hello`, { headers: secretHeaders({ cookie: `session=${COOKIE}` }) }));
    expect(res.status).toBe(200);
    expect(events).toEqual([]);
  });

  // Was a bug: a parameter name or JSON key that was itself the attack came back in the 403
  // with only its punctuation replaced. Fixed in fe69542 (such names are hashed).
  it('an attack in a parameter name or JSON key is not sent back in the 403', async () => {
    const handler = guard(app, opts());
    const byName = await handler(new Request(`http://127.0.0.1/s?${encodeURIComponent(`<script>${PAYLOAD}</script>`)}=1`));
    expect(byName.status).toBe(403);
    expectNoMarker(await outputOf(byName));
    const byKey = await handler(new Request('http://127.0.0.1/j', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ [`' OR 1=1-- ${PAYLOAD}`]: 1 }),
    }));
    expect(byKey.status).toBe(403);
    expectNoMarker(await outputOf(byKey));
  });

  // Was a bug: ThreatEvent.url carried the raw query, so an attack in the query reached every
  // log of events. Fixed in fe69542 (values replaced by `…`).
  it('an attack in the query (value or name) is not in the ThreatEvent', async () => {
    events.length = 0;
    const handler = guard(app, opts());
    const res = await handler(new Request(`http://127.0.0.1/s?q=${encodeURIComponent(`' OR '1'='1' -- ${PAYLOAD}`)}`, { headers: secretHeaders() }));
    expect(res.status).toBe(403);
    const byName = await handler(new Request(`http://127.0.0.1/s?${encodeURIComponent(`<script>${PAYLOAD}</script>`)}=1`));
    expect(byName.status).toBe(403);
    const byKey = await handler(new Request('http://127.0.0.1/j', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ [`' OR 1=1-- ${PAYLOAD}`]: 1 }),
    }));
    expect(byKey.status).toBe(403);
    expect(events.length).toBe(3);
    for (const e of events) expectNoMarker(JSON.stringify(e));
  });
});
