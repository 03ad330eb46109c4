// Calling a user's callback (onThreat, onLeak) where its failure must change nothing: a
// logging or alerting hook that throws, or is async and rejects, must not alter a verdict,
// break a finalizer, or crash the process with an unhandled rejection.

/** Call `callback(arg)`; a throw is swallowed, and so is the rejection of a promise it returns. */
export function callQuietly<T>(callback: ((arg: T) => unknown) | undefined, arg: T): void {
  if (callback === undefined) return;
  let result: unknown;
  try {
    result = callback(arg);
  } catch {
    return;
  }
  if (typeof result === 'object' && result !== null && typeof (result as PromiseLike<unknown>).then === 'function') {
    // (any thenable: `then` itself may throw, or never call back, which is fine)
    try {
      (result as PromiseLike<unknown>).then(undefined, () => undefined);
    } catch { /* a broken thenable changes nothing either */ }
  }
}
