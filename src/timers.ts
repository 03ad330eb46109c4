// A periodic timer that never keeps a process alive: unref'd in Node, Deno.unrefTimer
// in Deno, a plain timer in browsers and workers (where nothing needs unref).
declare const Deno: { unrefTimer?(id: number): void } | undefined;

export interface Ticker { stop(): void }

export function startTicker(intervalMs: number, tick: () => void): Ticker {
  const handle = setInterval(tick, intervalMs) as unknown;
  if (handle !== null && typeof handle === 'object' && typeof (handle as { unref?: unknown }).unref === 'function') {
    (handle as { unref(): void }).unref();
  } else if (typeof Deno !== 'undefined' && typeof Deno.unrefTimer === 'function') {
    Deno.unrefTimer(handle as number);
  }
  return { stop: () => clearInterval(handle as Parameters<typeof clearInterval>[0]) };
}
