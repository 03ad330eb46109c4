// A periodic timer that never keeps a process alive: unref'd in Node, Deno.unrefTimer
// in Deno, a plain timer in browsers and workers (where nothing needs unref).
// It holds its owner only weakly: an arena dropped without close() is collected
// (with its wasm memory) and its timer stops, in browsers too, where nothing unrefs.
declare const Deno: { unrefTimer?(id: number): void } | undefined;

export interface Ticker { stop(): void }

/** Call `tick(owner)` every `intervalMs` while `owner` is alive; stops by itself once it is collected. */
export function startTicker<T extends object>(intervalMs: number, owner: T, tick: (owner: T) => void): Ticker {
  const ref = weakly(owner);
  const handle = setInterval(() => {
    const alive = ref.deref();
    if (alive === undefined) clearInterval(handle as Parameters<typeof clearInterval>[0]);
    else tick(alive);
  }, intervalMs) as unknown;
  if (handle !== null && typeof handle === 'object' && typeof (handle as { unref?: unknown }).unref === 'function') {
    (handle as { unref(): void }).unref();
  } else if (typeof Deno !== 'undefined' && typeof Deno.unrefTimer === 'function') {
    Deno.unrefTimer(handle as number);
  }
  return { stop: () => clearInterval(handle as Parameters<typeof clearInterval>[0]) };
}

/** In its own function: a closure over `owner` in startTicker would put it in the timer callback's context too. */
function weakly<T extends object>(owner: T): { deref(): T | undefined } {
  return typeof WeakRef === 'function' ? new WeakRef(owner) : { deref: () => owner };
}
