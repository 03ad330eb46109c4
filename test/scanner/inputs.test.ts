// Inputs a caller may hand the detector that once read as clean (shared: Node, Chromium, Deno):
// views of the arena's own memory, which a growth during the call detaches; request bodies of
// other kinds than text, bytes and parsed values; a string stream split inside a surrogate pair.
import { describe, expect, it } from 'vitest';
import { createArena, createDetector, createStandardPools, explain, DetectorClosedError, type Arena, type Detector, type Lease } from '../../src/index.js';

const attack = new TextEncoder().encode("1' OR '1'='1");
const ids = (r: { threats: Array<{ ruleId: string }> }) => r.threats.map((t) => t.ruleId).sort();

/**
 * A detector on an arena whose every mapped slot is taken, and a lease holding the attack:
 * the detector's first acquire grows memory, detaching every view made before it.
 */
async function crowded(): Promise<{ arena: Arena; d: Detector; lease: Lease; close: () => Promise<void> }> {
  const arena = await createArena({ pools: createStandardPools(), autoShrink: false });
  const d = await createDetector({ arena });
  const lease = arena.poolFor(100).acquire();
  lease.bytes.set(attack);
  for (const pool of arena.pools) while (pool.getStats().free > 0) pool.acquire();
  return { arena, d, lease, close: async () => { await d.close(); await arena.close(); } };
}

describe('a view of the arena’s own memory', () => {
  it('scan() of a lease view reads the attack though its own acquire grows memory', async () => {
    const { arena, d, lease, close } = await crowded();
    try {
      const pages = arena.getStats().memoryPages;
      const r = d.scan(lease.bytes.subarray(0, attack.length));
      expect(arena.getStats().memoryPages).toBeGreaterThan(pages); // (the case: memory grew during the call)
      expect(r.blocked).toBe(true);
      expect(ids(r)).toEqual(ids(d.scan(attack)));
    } finally { await close(); }
  });

  it('a stream pushed a lease view reads it', async () => {
    const { d, lease, close } = await crowded();
    try {
      const s = d.createStream({ context: 'query' });
      s.push(lease.bytes.subarray(0, attack.length));
      expect(s.finish().blocked).toBe(true);
    } finally { await close(); }
  });

  it('analyzeRequest of a body in a lease reads it after the head’s scans grew memory', async () => {
    const { d, lease, close } = await crowded();
    try {
      const r = await d.analyzeRequest({ method: 'POST', url: '/x?q=plain', headers: { 'content-type': 'text/plain' }, body: lease.bytes.subarray(0, attack.length) });
      expect(r.blocked).toBe(true);
      expect(ids(r)).not.toContain('internal.error');
    } finally { await close(); }
  });

  it('analyzeRequest of a body in a lease as a DataView, another typed array or a Node Buffer reads it', async () => {
    const kinds: Array<[string, (l: Lease) => ArrayBufferView]> = [
      ['DataView', (l) => new DataView(l.bytes.buffer, l.bytes.byteOffset, attack.length)],
      ['Int8Array', (l) => new Int8Array(l.bytes.buffer, l.bytes.byteOffset, attack.length)],
    ];
    const NodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBuffer, o: number, n: number): Uint8Array } }).Buffer;
    if (NodeBuffer !== undefined) kinds.push(['Buffer', (l) => NodeBuffer.from(l.bytes.buffer as ArrayBuffer, l.bytes.byteOffset, attack.length)]);
    for (const [kind, view] of kinds) {
      const { d, lease, close } = await crowded();
      try {
        const r = await d.analyzeRequest({ method: 'POST', url: '/x?q=plain', headers: { 'content-type': 'text/plain' }, body: view(lease) });
        expect(r.blocked, kind).toBe(true);
        expect(ids(r), kind).not.toContain('internal.error');
      } finally { await close(); }
    }
  });

  it('a view detached by an earlier growth is refused, never read as empty', async () => {
    const { arena, d, lease, close } = await crowded();
    try {
      const stale = lease.bytes.subarray(0, attack.length);
      d.scan('grow'); // (the detector's first acquire grows memory)
      expect(stale.byteLength).toBe(0);
      expect(() => d.scan(stale)).toThrow(TypeError);
      expect(() => d.createStream().push(stale)).toThrow(TypeError);
      await expect(d.analyzeRequest({ url: '/', headers: {}, body: stale })).rejects.toThrow(/arena memory/);
      expect(d.scan(new Uint8Array(0)).blocked).toBe(false); // (an empty array of one's own is just empty)
      expect(arena.getStats().pools.small!.inUse).toBeGreaterThan(0);
    } finally { await close(); }
  });
});

describe('analyzeRequest body kinds', () => {
  const request = (body: unknown) => ({ method: 'POST', url: '/x', headers: { 'content-type': 'text/plain' }, body: body as object });

  it('typed arrays, DataView and SharedArrayBuffer are read as their bytes', async () => {
    const d = await createDetector();
    try {
      const buf = new ArrayBuffer(attack.length + 4);
      new Uint8Array(buf, 2).set(attack);
      for (const body of [new DataView(buf, 2, attack.length), new Int8Array(buf, 2, attack.length), new Uint16Array(buf.slice(2, 2 + 12))]) {
        expect((await d.analyzeRequest(request(body))).blocked, body.constructor.name).toBe(true);
      }
      if (typeof SharedArrayBuffer === 'function') {
        const shared = new SharedArrayBuffer(attack.length);
        new Uint8Array(shared).set(attack);
        expect((await d.analyzeRequest(request(shared))).blocked).toBe(true);
      }
      // eslint-disable-next-line no-new-wrappers
      expect((await d.analyzeRequest(request(new String("1' OR '1'='1")))).blocked).toBe(true);
      const form = new URLSearchParams({ q: "1' OR '1'='1" });
      expect((await d.analyzeRequest({ url: '/x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })).blocked).toBe(true);
      // (with no Content-Type a URLSearchParams body is still a form, as fetch labels one: its fields are located)
      const located = await d.analyzeRequest({ url: '/x', headers: {}, body: form });
      expect(located.threats.map((t) => t.location)).toEqual(['body:q', 'body:q']);
    } finally { await d.close(); }
  });

  it('a body it cannot read synchronously is a TypeError, not a clean result', async () => {
    const d = await createDetector();
    try {
      const unreadable: unknown[] = [new (class Upload { text = "1' OR '1'='1"; })(), new Date()];
      if (typeof Blob === 'function') unreadable.push(new Blob(["1' OR '1'='1"]));
      if (typeof ReadableStream === 'function') unreadable.push(new ReadableStream());
      for (const body of unreadable) await expect(d.analyzeRequest(request(body)), String(body)).rejects.toThrow(TypeError);
      expect(d.getStats().internalErrors).toBe(0);
      expect(d.getStats().requests).toBe(0); // (a caller's mistake is no request scanned)
    } finally { await d.close(); }
  });

  it('values a parser makes inside a parsed body are read: bytes, String objects, Maps and Sets', async () => {
    const d = await createDetector();
    try {
      const text = "1' OR '1'='1";
      const NodeBuffer = (globalThis as { Buffer?: { from(s: string): Uint8Array } }).Buffer;
      // eslint-disable-next-line no-new-wrappers
      const bodies: unknown[] = [{ q: new TextEncoder().encode(text) }, { q: new String(text) }, { q: new Map([['k', text]]) }, [new Set([text])], new Map([[text, 1]])];
      if (NodeBuffer !== undefined) bodies.push({ q: NodeBuffer.from(text) });
      for (const body of bodies) {
        const r = await d.analyzeRequest({ url: '/x', headers: { 'content-type': 'application/json' }, body: body as object });
        expect(r.blocked, String(body)).toBe(true);
      }
    } finally { await d.close(); }
  });

  it('values nested deeper than the walk’s depth are read as values, not as their JSON text', async () => {
    const d = await createDetector();
    try {
      // ("\"" and a tab stayed escapes in the stringified text, and a Map came out as {})
      for (const leaf of ['1" OR "1"="1', '1\tUNION\tSELECT\tpassword\tFROM\tusers', new Map([['k', '<script>alert(1)</script>']])]) {
        let value: unknown = { v: leaf };
        for (let i = 0; i < 70; i++) value = { k: value };
        const parsed = await d.analyzeRequest({ url: '/x', headers: { 'content-type': 'application/json' }, body: value as object });
        expect(parsed.blocked, String(leaf)).toBe(true);
        if (typeof leaf === 'string') {
          const text = await d.analyzeRequest({ url: '/x', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });
          expect(text.blocked, leaf).toBe(true);
        }
      }
      const cyclic: Record<string, unknown> = { v: 'plain' };
      let deep: Record<string, unknown> = cyclic;
      for (let i = 0; i < 70; i++) deep = { k: deep };
      cyclic.self = deep; // (a cycle below the depth: read once, and the walk ends)
      expect((await d.analyzeRequest({ url: '/x', headers: {}, body: deep })).blocked).toBe(false);
    } finally { await d.close(); }
  });

  it('a parsed value of shared references is read in time linear in its objects (a YAML alias tree, a cycle)', async () => {
    const d = await createDetector();
    try {
      let node: Record<string, unknown> = { v: '<script>alert(1)</script>' };
      for (let i = 0; i < 40; i++) node = { a: node, b: node }; // (2^40 paths, 41 objects)
      expect((await d.analyzeRequest({ url: '/x', headers: {}, body: node })).blocked).toBe(true);
      const cyclic: Record<string, unknown> = { v: 'plain' };
      cyclic.a = cyclic; cyclic.b = cyclic;
      expect((await d.analyzeRequest({ url: '/x', headers: {}, body: cyclic })).blocked).toBe(false);
    } finally { await d.close(); }
  });

  it('a parsed JSON scalar body is clean, not an internal error', async () => {
    const d = await createDetector();
    try {
      for (const body of [5, true, 0]) {
        expect(await d.analyzeRequest({ url: '/x', headers: { 'content-type': 'application/json' }, body: body as unknown as object })).toEqual({ blocked: false, score: 0, threats: [] });
      }
      expect(d.getStats().internalErrors).toBe(0);
    } finally { await d.close(); }
  });

  it('a Fetch Request whose body was read already is refused', async () => {
    const d = await createDetector();
    try {
      const req = new Request('http://h.test/x', { method: 'POST', body: "1' OR '1'='1", headers: { 'content-type': 'text/plain' } });
      await req.text();
      await expect(d.analyzeRequest(req)).rejects.toThrow(/already read/);
    } finally { await d.close(); }
  });
});

describe('analyzeRequest of a plain request with Content-Encoding', () => {
  /** `text` compressed with `format` by the runtime's CompressionStream. */
  async function compressed(text: string, format: 'gzip' | 'deflate'): Promise<Uint8Array> {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream(format));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  const attackText = '<script>alert(document.cookie)</script>';

  it('inflates a body whose bytes are still gzip or deflate, as a Fetch Request’s', async () => {
    const d = await createDetector();
    try {
      for (const format of ['gzip', 'deflate'] as const) {
        const body = await compressed(attackText, format);
        const plain = await d.analyzeRequest({ method: 'POST', url: '/x', headers: { 'content-type': 'text/plain', 'content-encoding': format }, body });
        expect(plain.blocked, format).toBe(true);
        expect(ids(plain), format).toContain('xss.script-tag');
        // (headers as entries, as a Headers object or a list gives them)
        const listed = await d.analyzeRequest({ url: '/x', headers: [['Content-Type', 'text/plain'], ['Content-Encoding', format]], body });
        expect(ids(listed)).toEqual(ids(plain));
      }
    } finally { await d.close(); }
  });

  it('takes a body already inflated (the header kept, as express.raw() leaves it) as it is', async () => {
    const d = await createDetector();
    try {
      const inflated = new TextEncoder().encode(attackText);
      const r = await d.analyzeRequest({ url: '/x', headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, body: inflated });
      expect(ids(r)).toContain('xss.script-tag');
      expect(ids(r)).not.toContain('limit.unreadable-body');
      const clean = await d.analyzeRequest({ url: '/x', headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, body: new TextEncoder().encode('hello') });
      expect(clean).toEqual({ blocked: false, score: 0, threats: [] });
    } finally { await d.close(); }
  });

  it('bytes after the end of the encoded stream are read: unreadable in a Fetch Request, scanned as sent in a plain one', async () => {
    const d = await createDetector();
    try {
      const tail = new TextEncoder().encode(attackText);
      for (const format of ['gzip', 'deflate'] as const) {
        const head = await compressed('hello', format);
        const body = new Uint8Array(head.length + tail.length);
        body.set(head); body.set(tail, head.length);
        const headers = { 'content-type': 'text/plain', 'content-encoding': format };
        const fetched = await d.analyzeRequest(new Request('http://h.test/x', { method: 'POST', headers, body }));
        expect(fetched.blocked, format).toBe(true);
        expect(ids(fetched), format).toContain('limit.unreadable-body');
        const plain = await d.analyzeRequest({ url: '/x', headers, body });
        expect(ids(plain), format).toContain('xss.script-tag');
      }
      // (zstd: the bytes start as zstd, and no decoder here inflates it: unreadable, not scanned compressed)
      const zstdMagic = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]);
      expect(ids(await d.analyzeRequest({ url: '/x', headers: { 'content-encoding': 'zstd' }, body: zstdMagic }))).toContain('limit.unreadable-body');
    } finally { await d.close(); }
  });

  it('a body that only looks encoded is scanned as it is (text that starts like a zlib header)', async () => {
    const d = await createDetector();
    try {
      // ('x y' and '(Sunday)' pass zlib's two-byte header check; they do not inflate)
      for (const text of ['x y z', '(Sunday) meeting notes', "x' OR '1'='1"]) {
        const r = await d.analyzeRequest({ url: '/x', headers: { 'content-type': 'text/plain', 'content-encoding': 'deflate' }, body: new TextEncoder().encode(text) });
        expect(ids(r), text).toEqual(ids(d.scan(text, { context: 'body' })));
      }
    } finally { await d.close(); }
  });
});

describe('streams of strings', () => {
  it('a chunk that ends inside a surrogate pair moves no offset', async () => {
    const d = await createDetector();
    try {
      const text = "\u{1F600} 1' OR '1'='1";
      const whole = d.createStream().push(text).finish();
      for (let cut = 1; cut < 4; cut++) {
        expect(d.createStream().push(text.slice(0, cut)).push(text.slice(cut)).finish(), `cut at ${cut}`).toEqual(whole);
      }
      // a high surrogate before bytes, and one left at the end, are lone: U+FFFD, as in the whole input
      const bytes = new TextEncoder().encode("1' OR '1'='1");
      const lone = d.createStream().push('\ud83d').push(bytes).push('\ud83d').finish();
      const joined = d.createStream().push(new TextEncoder().encode('\ud83d')).push(bytes).push(new TextEncoder().encode('\ud83d')).finish();
      expect(lone).toEqual(joined);
    } finally { await d.close(); }
  });
});

describe('explain', () => {
  it('on a closed detector throws before leasing anything', async () => {
    const arena = await createArena({ pools: createStandardPools(), autoShrink: false });
    const d = await createDetector({ arena });
    d.scan('x');
    await d.close();
    expect(() => explain(d, "1' OR 1=1--")).toThrow(DetectorClosedError);
    expect(arena.pools.map((p) => p.getStats().inUse)).toEqual(arena.pools.map(() => 0));
    await arena.close();
  });
});
