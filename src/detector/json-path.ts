// The locations of body findings: one step of the JSONPath-like locations of JSON bodies
// (`body:$.user.tags[1]`, `body:$["odd key"]`) and a form or multipart field's location,
// shared by analyzeRequest and the streaming body scanner so both name the same place the
// same way.

/** `[i]` for an array index, `.name` for an identifier-like key, `["…"]` for any other key. */
export function jsonPathSegment(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/**
 * A form or multipart field's location: `body:NAME`, or `body:["NAME"]` for a name that reads
 * as another kind of body location — a JSON path (`$.comment`), a bracketed name, an upload's
 * file name (`x.filename`) — so an exclusion written for one never covers the other.
 */
export function fieldLocation(name: string): string {
  return /^[$[]|\.filename$/.test(name) ? `body:[${JSON.stringify(name)}]` : `body:${name}`;
}
