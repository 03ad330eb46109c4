import { describe, it, expect } from 'vitest';
import { createArena, createStandardPools, createDetector, ArenaGuardError } from '../../src/index.js';
import { detector, ruleIds } from './helpers.js';

describe('limits', () => {
  it('input past maxScanBytes is a limit.oversize finding, never silently skipped', async () => {
    const d = await detector({ maxScanBytes: 64 });
    const r = d.scan('a'.repeat(100));
    expect(ruleIds(r)).toEqual(['limit.oversize']);
    expect(r.blocked).toBe(true);
    expect(r.threats[0]!.offset).toBe(64);
    // the scanned prefix is still judged
    expect(ruleIds(d.scan('<script>' + 'a'.repeat(100)))).toContain('xss.script-tag');
    await d.close();
  });
  it('maxScanBytes 0 is a value, not "default"', async () => {
    const d = await detector({ maxScanBytes: 0 });
    expect(ruleIds(d.scan('x'))).toEqual(['limit.oversize']);
    expect(d.scan('').blocked).toBe(false);
    await d.close();
  });
  it('a large stream past the limit is flagged once', async () => {
    const d = await detector({ maxScanBytes: 1000 });
    const s = d.createStream({ context: 'body' });
    for (let i = 0; i < 5; i++) s.push('b'.repeat(400));
    expect(ruleIds(s.finish())).toEqual(['limit.oversize']);
    await d.close();
  });
});

describe('options', () => {
  it('rejects invalid options with a RangeError naming the option', async () => {
    await expect(createDetector({ paranoia: 3 as 1 })).rejects.toThrow(/paranoia/);
    await expect(createDetector({ failMode: 'maybe' as 'open' })).rejects.toThrow(/failMode/);
    await expect(createDetector({ maxScanBytes: -1 })).rejects.toThrow(/maxScanBytes/);
    await expect(createDetector({ maxScanBytes: 1.5 })).rejects.toThrow(/maxScanBytes/);
    await expect(createDetector({ threshold: Number.NaN })).rejects.toThrow(/threshold/);
    await expect(createDetector({ paranoia: 3 as 1 })).rejects.toBeInstanceOf(RangeError);
  });
  it('rejects an arena with no slot large enough for the scanner, naming it, instead of failing every scan', async () => {
    const small = await createArena({ pools: [{ name: 'small', slotSize: 8192, initialSlots: 1, maxSlots: 64 }] });
    const err = await createDetector({ arena: small }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RangeError);
    expect(String(err)).toMatch(/arena needs a pool of slots of at least \d+ bytes/);
    await small.close();
  });
  it('rejects an arena whose pool can never lend the slots one scan holds at once (session 28)', async () => {
    const tight = await createArena({ pools: [{ name: 'l', slotSize: 65536, maxSlots: 1 }, { name: 'm', slotSize: 4096 }] });
    const err = await createDetector({ arena: tight }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RangeError);
    expect(String(err)).toMatch(/a scan holds 2 slots of the arena's pool "l" at once, and its maxSlots is 1/);
    await tight.close();
    const enough = await createArena({ pools: [{ name: 'l', slotSize: 65536, maxSlots: 2 }, { name: 'm', slotSize: 4096 }] });
    const d = await createDetector({ arena: enough });
    expect(d.scan("1' OR '1'='1").blocked).toBe(true);
    expect(ruleIds(d.scan("1' OR '1'='1"))).not.toContain('internal.error');
    await d.close();
    await enough.close();
  });
  it('passes over a pool with maxSlots 0 for the scanner’s slots (it never lends), so scans still work', async () => {
    const arena = await createArena({ pools: createStandardPools({ medium: { initialSlots: 0, maxSlots: 0 } }) });
    const d = await createDetector({ arena, failMode: 'open' });
    expect(arena.poolFor(2000).name).toBe('large'); // (medium would hold it, but never lends)
    const r = d.scan("1' OR '1'='1");
    expect(r.blocked).toBe(true);
    expect(ruleIds(r)).not.toContain('internal.error');
    await d.close();
    await arena.close();
  });
  it('threshold 0 blocks everything, a high threshold blocks less', async () => {
    const zero = await detector({ threshold: 0 });
    expect(zero.scan('hello').blocked).toBe(true);
    const high = await detector({ threshold: 100 });
    expect(high.scan("1' or '1'='1").blocked).toBe(false);
    await zero.close(); await high.close();
  });
  it('rejects an unknown context and non-string input', async () => {
    const d = await detector();
    expect(() => d.scan('x', { context: 'soap' as 'query' })).toThrow(RangeError);
    // names every object has (Object.prototype's) are no contexts either
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(() => d.scan('x', { context: name as 'query' })).toThrow(RangeError);
      expect(() => d.createStream({ context: name as 'query' })).toThrow(RangeError);
    }
    expect(() => d.scan(42 as unknown as string)).toThrow(TypeError);
    await d.close();
  });
});

describe('fail closed', () => {
  it('an engine trap blocks with internal.error, is counted, and faults the arena for good', async () => {
    const d = await detector();
    d.injectScanFault();
    const r = d.scan('harmless');
    expect(r.blocked).toBe(true);
    expect(ruleIds(r)).toEqual(['internal.error']);
    expect(r.threats[0]!.score).toBe(r.score); // (the finding carries the score it adds, as every finding does)
    expect(d.getStats().internalErrors).toBe(1);
    // a module that trapped is not trusted again: later scans fail closed too
    expect(ruleIds(d.scan('harmless'))).toEqual(['internal.error']);
    expect(d.healthCheck().status).toBe('failing');
    await d.close();
  });
  it("failMode 'open' lets it through but still reports it", async () => {
    const d = await detector({ failMode: 'open' });
    d.injectScanFault();
    const r = d.scan('harmless');
    expect(r.blocked).toBe(false);
    expect(ruleIds(r)).toEqual(['internal.error']);
    expect([r.score, r.threats[0]!.score]).toEqual([0, 0]);
    await d.close();
  });
  it('a closed arena blocks every scan, stream and request', async () => {
    const arena = await createArena({ pools: createStandardPools() });
    const d = await createDetector({ arena });
    await arena.close();
    expect(ruleIds(d.scan('x'))).toEqual(['internal.error']);
    expect(d.scan('x').blocked).toBe(true);
    const s = d.createStream({ context: 'body' });
    s.push('x');
    expect(s.finish().blocked).toBe(true);
    const r = await d.analyzeRequest({ url: '/a?b=c', headers: {} });
    expect(r.blocked).toBe(true);
    expect(d.healthCheck().status).toBe('failing');
  });
  it('an exhausted pool fails closed', async () => {
    // (three slots, as one scan holds at once — fewer is refused at creation — one of them held elsewhere)
    const arena = await createArena({ pools: [{ name: 'large', slotSize: 65536, initialSlots: 1, maxSlots: 3 }] });
    const d = await createDetector({ arena });
    const held = arena.getPool('large').acquire();
    const r = d.scan('x');
    expect(r.blocked).toBe(true);
    expect(ruleIds(r)).toEqual(['internal.error']);
    held.release();
    await arena.close();
  });
  it('a stream outliving its detector fails closed instead of scanning', async () => {
    const d = await detector();
    const s = d.createStream({ context: 'body' });
    s.push('harmless');
    await d.close();
    s.push('more');
    const r = s.finish();
    expect(r.blocked).toBe(true);
    expect(ruleIds(r)).toEqual(['internal.error']);
  });
  it('errors are ArenaGuardErrors with a code', async () => {
    const d = await detector();
    const s = d.createStream({});
    s.finish();
    let caught: unknown;
    try { s.finish(); } catch (err) { caught = err; }
    expect(caught).toBeInstanceOf(ArenaGuardError);
    expect((caught as ArenaGuardError).code).toBe('STREAM_FINISHED');
    await d.close();
    expect(() => d.scan('x')).toThrow(/closed/);
  });
});

describe('memory growth between scans', () => {
  it('scans keep working, with the same verdicts, after other leases grew wasm memory', async () => {
    const arena = await createArena({ pools: [{ name: 'scan', slotSize: 8192, initialSlots: 4, maxSlots: 64 }, { name: 'app', slotSize: 65536, initialSlots: 0, maxSlots: 64 }] });
    const d = await createDetector({ arena });
    const attack = "1' or '1'='1";
    const before = [d.scan(attack), d.scan('plain words'), d.scan(new TextEncoder().encode('<script>x()</script>'))];
    expect(before.map((r) => r.threats.some((t) => t.ruleId === 'internal.error'))).toEqual([false, false, false]);
    expect(before.map((r) => r.blocked)).toEqual([true, false, true]);
    const pagesBefore = arena.getStats().memoryPages;
    const held = Array.from({ length: 32 }, () => arena.getPool('app').acquire()); // grows memory: old views detach
    expect(arena.getStats().memoryPages).toBeGreaterThan(pagesBefore);
    const after = [d.scan(attack), d.scan('plain words'), d.scan(new TextEncoder().encode('<script>x()</script>'))];
    expect(after).toEqual(before);
    expect(after[0]!.blocked).toBe(true);
    for (const l of held) l.release();
    await d.close();
    await arena.close();
  });
});
