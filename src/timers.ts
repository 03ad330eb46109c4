// A periodic timer that never keeps a process alive: unref'd in Node, Deno.unrefTimer
// in Deno, a plain timer in browsers and workers (where nothing needs unref).
// It holds its owner only weakly: an arena dropped without close() is collected
// (with its wasm memory) and its timer stops, in browsers too, where nothing unrefs.
declare const Deno: { unrefTimer?(id: number): void } | undefined;

export interface Ticker { stop(): void }

/**
 * Call `tick(owner)` every `intervalMs` while `owner` is alive; stops by itself once it is
 * collected. The owner is held strongly until the first tick and weakly from then on: a
 * WeakRef keeps its target alive until the job that made it ends (in Chromium, an arena with a
 * WeakRef on it was not collected in time when wasm memory ran short), so short-lived owners,
 * closed before their first tick, never get one.
 */
export function startTicker<T extends object>(intervalMs: number, owner: T, tick: (owner: T) => void): Ticker {
  const holder = ownerHolder(owner);
  const handle = setInterval(() => {
    const alive = holder.take();
    if (alive === undefined) clearInterval(handle as Parameters<typeof clearInterval>[0]);
    else tick(alive);
  }, intervalMs) as unknown;
  unref(handle);
  return { stop: () => clearInterval(handle as Parameters<typeof clearInterval>[0]) };
}

function unref(handle: unknown): void {
  if (handle !== null && typeof handle === 'object' && typeof (handle as { unref?: unknown }).unref === 'function') {
    (handle as { unref(): void }).unref();
  } else if (typeof Deno !== 'undefined' && typeof Deno.unrefTimer === 'function') {
    Deno.unrefTimer(handle as number);
  }
}

/**
 * The owner, strongly until the first take() and weakly after (see startTicker). In its own
 * function: a closure over `owner` in startTicker would put it in the timer callback's context.
 */
function ownerHolder<T extends object>(owner: T): { take(): T | undefined } {
  let strong: T | undefined = owner;
  let weak: { deref(): T | undefined } | undefined;
  return {
    take() {
      if (strong === undefined) return weak?.deref();
      const now = strong;
      if (typeof WeakRef === 'function') {
        weak = new WeakRef(now);
        strong = undefined;
      }
      return now;
    },
  };
}
