// The parameters of a Content-Type, read as a strict parser (the `content-type` package behind
// body-parser, undici) reads them: quoted strings with their escapes, so `charset=` or
// `boundary=` inside a quoted value is not a parameter. Anything the grammar does not allow
// makes the list unreadable: parsers then disagree, and the caller must not guess.

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/**
 * `[name, value]` pairs of the parameters after the media type, names in lower case, in
 * order (duplicates kept); undefined when the text after the first `;` is not a parameter list.
 */
export function mediaTypeParams(contentType: string): Array<[string, string]> | undefined {
  const params: Array<[string, string]> = [];
  const semi = contentType.indexOf(';');
  if (semi < 0) return params;
  let rest = contentType.slice(semi);
  for (;;) {
    rest = rest.replace(/^[ \t]+/, '');
    if (rest.length === 0) break;
    if (rest[0] !== ';') return undefined;
    rest = rest.slice(1).replace(/^[ \t]+/, '');
    if (rest.length === 0) break; // (a trailing ';')
    const name = TOKEN.exec(rest)?.[0];
    if (name === undefined) return undefined;
    // (spaces around '=' as the content-type package allows them)
    rest = rest.slice(name.length).replace(/^ +/, '');
    if (rest[0] !== '=') return undefined;
    rest = rest.slice(1).replace(/^ +/, '');
    let value: string;
    if (rest[0] === '"') {
      value = '';
      let i = 1;
      for (; i < rest.length && rest[i] !== '"'; i++) {
        if (rest[i] === '\\') i++;
        if (i < rest.length) value += rest[i];
      }
      if (i >= rest.length) return undefined; // no closing quote
      rest = rest.slice(i + 1);
    } else {
      const token = TOKEN.exec(rest)?.[0];
      if (token === undefined) return undefined;
      value = token;
      rest = rest.slice(token.length);
    }
    params.push([name.toLowerCase(), value]);
  }
  return params;
}
