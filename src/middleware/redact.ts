// What of a request the guard may repeat in its outputs (403 bodies, onThreat
// events): names that are plain identifiers, nothing else. A parameter name or
// JSON key can itself be the attack, and values always can; those are shown as
// a short hash, so a 403 never reflects attacker text and logs built from
// onThreat never receive it — while operators still see which field it was.

/** Names shown as they are: letters, digits, `_ . -`, at most 64 characters. */
const PLAIN_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]{0,63}$/;

/** FNV-1a, 32 bits, as 8 hex digits: stable across runtimes, enough to tell fields apart. */
export function nameHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function shownName(name: string): string {
  return PLAIN_NAME.test(name) ? name : `#${nameHash(name)}`;
}

/** `$.user.tags[1]` kept; `$["<script>"]` becomes `$[#1a2b3c4d]`. */
function shownJsonPath(path: string): string {
  let out = '$';
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      let j = i + 1;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      const key = path.slice(i + 1, j);
      out += IDENTIFIER.test(key) ? `.${key}` : `[#${nameHash(key)}]`;
      i = j;
    } else if (c === '[' && path[i + 1] === '"') {
      // A JSON string: find its closing quote (skipping escapes), then `]`.
      let j = i + 2;
      while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
      out += `[#${nameHash(path.slice(i + 1, j + 1))}]`;
      i = j + 2;
    } else if (c === '[') {
      const end = path.indexOf(']', i);
      const index = end < 0 ? '' : path.slice(i + 1, end);
      if (!/^\d{1,10}$/.test(index)) return `$[#${nameHash(path)}]`;
      out += `[${index}]`;
      i = end + 1;
    } else {
      return `$[#${nameHash(path)}]`;
    }
  }
  return out;
}

/**
 * A finding's location as the guard shows it: `query:q`, `header:user-agent`,
 * `body:$.user.name`, `body:comment`, `path` stay readable; names that are not
 * plain identifiers become `#hash` (FNV-1a, 8 hex digits: stable, so an `exclude`
 * entry can name it). Use it on `analyzeRequest` locations before logging them.
 *
 * @example
 * ```ts
 * import { shownLocation } from 'arenaguard';
 * shownLocation('body:$.user.name');        // 'body:$.user.name'
 * shownLocation('query:x\r\nINFO fake line'); // 'query:#…' (the name was the attack)
 * ```
 */
export function shownLocation(location: string): string {
  const colon = location.indexOf(':');
  if (colon < 0) return PLAIN_NAME.test(location) ? location : `#${nameHash(location)}`;
  const kind = location.slice(0, colon);
  const name = location.slice(colon + 1);
  const shownKind = PLAIN_NAME.test(kind) ? kind : 'request';
  if (name.startsWith('$')) return `${shownKind}:${shownJsonPath(name)}`;
  return `${shownKind}:${shownName(name)}`;
}

/**
 * The path with each segment that is not a plain name hashed (`/users/42/edit` stays;
 * `/<script>…` is `/#hash`: a path can be the attack, as a name can).
 */
function shownPath(path: string): string {
  return path.split('/').map((segment) => (segment === '' || PLAIN_NAME.test(segment) ? segment : `#${nameHash(segment)}`)).join('/');
}

/**
 * Path and query with every value replaced by `…`, and odd names and path segments hashed,
 * as `onThreat` events carry the url: safe to log.
 *
 * @example
 * ```ts
 * import { shownUrl } from 'arenaguard';
 * shownUrl("/search?q=1'+OR+'1'%3D'1&page=2"); // '/search?q=…&page=…'
 * ```
 */
export function shownUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return shownPath(url);
  const names = url.slice(q + 1).split('&').filter((p) => p.length > 0).map((pair) => {
    const eq = pair.indexOf('=');
    const raw = eq < 0 ? pair : pair.slice(0, eq);
    let name: string;
    try {
      name = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      name = raw;
    }
    return `${shownName(name)}=…`;
  });
  return `${shownPath(url.slice(0, q))}?${names.join('&')}`;
}
