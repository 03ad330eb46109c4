// One step of the JSONPath-like locations findings carry (`body:$.user.tags[1]`,
// `body:$["odd key"]`), shared by analyzeRequest and the streaming body scanner so both
// name the same place the same way.

/** `[i]` for an array index, `.name` for an identifier-like key, `["…"]` for any other key. */
export function jsonPathSegment(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
