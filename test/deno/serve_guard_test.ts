// Deno.serve with a guard()-wrapped fetch handler on loopback: a clean and a
// malicious request, then the server is shut down. deno.json maps ../../src/
// to the built dist/, so this runs the package as published.
import { createArena, createDetector } from '../../src/index.js';
import { guard } from '../../src/middleware/fetch.js';

declare const Deno: {
  test(name: string, fn: () => Promise<void>): void;
  serve(
    options: { hostname: string; port: number; onListen?: (addr: { port: number }) => void; onError?: (error: unknown) => Response },
    handler: (request: Request) => Response | Promise<Response>,
  ): { finished: Promise<void>; shutdown(): Promise<void>; addr: { port: number } };
};

function assertEquals(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

Deno.test('Deno.serve + guard(): clean request served, malicious request blocked', async () => {
  // Bodies go into `arena`; the detector keeps its scan state in an arena of its own.
  const arena = await createArena({ autoShrink: false });
  const detector = await createDetector({ paranoia: 1 });
  const handler = guard(async (request: Request) => {
    const body = request.method === 'POST' ? await request.json() : null;
    return Response.json({ path: new URL(request.url).pathname, body });
  }, { detector, arena });

  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, handler);
  try {
    const base = `http://127.0.0.1:${server.addr.port}`;
    const clean = await fetch(`${base}/comments`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'lovely garden' }),
    });
    assertEquals(clean.status, 200, 'clean status');
    assertEquals(await clean.json(), { path: '/comments', body: { text: 'lovely garden' } }, 'clean body reaches the handler unchanged');

    const bad = await fetch(`${base}/comments`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '<script>alert(document.cookie)</script>' }),
    });
    assertEquals(bad.status, 403, 'malicious status');
    const verdict = await bad.json();
    assertEquals(verdict.error, 'request blocked', 'error field');
    if (!verdict.threats.some((t: { category: string; location: string }) => t.category === 'xss' && t.location === 'body:$.text')) {
      throw new Error(`expected an xss threat at body:$.text, got ${JSON.stringify(verdict.threats)}`);
    }
    // Slots are released once each response body has been sent; allow the server a moment after the client has read it.
    const inUse = () => Object.values(arena.getStats().pools).reduce((n, p) => n + p.inUse, 0);
    for (let i = 0; i < 50 && inUse() > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assertEquals(inUse(), 0, 'body slots in use after both responses');
    if (arena.getStats().pools.small!.acquires === 0) throw new Error('the body never went through the arena');
  } finally {
    await server.shutdown();
    await arena.close();
  }
});

Deno.test('Deno.serve + Hono with the arenaguard middleware: the same middleware code as on Node', async () => {
  // hono from the project's node_modules (deno.json: nodeModulesDir none, so by path).
  const { Hono } = await import('../../node_modules/hono/dist/index.js');
  const { arenaguard } = await import('../../src/middleware/hono.js');
  const detector = await createDetector({ paranoia: 1 });
  const app = new Hono();
  app.use('/api/*', arenaguard({ detector }));
  app.get('/api/search', (c: { req: { query(name: string): string | undefined }; json(v: unknown): Response }) => c.json({ q: c.req.query('q') }));
  const server = Deno.serve({ hostname: '127.0.0.1', port: 0, onListen: () => {} }, app.fetch);
  try {
    const base = `http://127.0.0.1:${server.addr.port}`;
    const clean = await fetch(`${base}/api/search?q=garden`);
    assertEquals(await clean.json(), { q: 'garden' }, 'clean search');
    const bad = await fetch(`${base}/api/search?q=${encodeURIComponent("1' UNION SELECT password FROM users --")}`);
    assertEquals(bad.status, 403, 'malicious search status');
    await bad.body?.cancel();
  } finally {
    await server.shutdown();
  }
});

Deno.test('Deno.serve + guard(): an upload its client abandons is answered quietly, its slots released', async () => {
  // (Deno fails the body read with BadResource before it aborts request.signal: that too means the client is gone)
  const arena = await createArena({ autoShrink: false });
  const detector = await createDetector({ paranoia: 1 });
  const errors: string[] = [];
  const handler = guard(async (request: Request) => new Response(`read ${(await request.text()).length}`), { detector, arena });
  const server = Deno.serve({
    hostname: '127.0.0.1', port: 0, onListen: () => {},
    onError: (error) => { errors.push(String(error)); return new Response('error', { status: 500 }); },
  }, handler);
  try {
    const abort = new AbortController();
    let push!: ReadableStreamDefaultController<Uint8Array>;
    const upload = new ReadableStream<Uint8Array>({ start(controller) { push = controller; } });
    const sent = fetch(`http://127.0.0.1:${server.addr.port}/`, { method: 'POST', body: upload, signal: abort.signal, duplex: 'half' } as RequestInit).catch(() => 'aborted');
    push.enqueue(new TextEncoder().encode(`{"note":"${'y'.repeat(3000)}`));
    await new Promise((resolve) => setTimeout(resolve, 200));
    abort.abort();
    await sent;
    const inUse = () => Object.values(arena.getStats().pools).reduce((n, p) => n + p.inUse, 0);
    for (let i = 0; i < 50 && inUse() > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assertEquals(errors, [], 'errors thrown into Deno.serve');
    assertEquals(inUse(), 0, 'body slots in use after the client left');
  } finally {
    await server.shutdown();
    await arena.close();
    await detector.close();
  }
});
