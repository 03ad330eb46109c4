// The headers of one multipart/form-data part, read the way a multipart parser (busboy,
// behind multer and @fastify/multipart) reads them, so that every name and filename the
// application may get is one the guard scanned: Content-Disposition found by header name
// (not by the first `filename="` anywhere in the part's headers), quoted strings with their
// backslash escapes, bare token values, and RFC 5987 `filename*=UTF-8''…` values, which
// take precedence over `filename` in those parsers.

export interface PartHead {
  /** The field name the application files the part under (the last `name` given), '' when none. */
  name: string;
  /** Every field name given (a parser keeps one of them; which one varies). */
  names: string[];
  /** Every filename given: `filename` and `filename*` values (the latter still percent-encoded). */
  filenames: string[];
  /** Every Content-Type given, media type only, lower case. */
  contentTypes: string[];
}

/** Parse a part's header block (the text between the delimiter line and the blank line). */
export function parsePartHead(head: string): PartHead {
  const out: PartHead = { name: '', names: [], filenames: [], contentTypes: [] };
  for (const line of unfold(head)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1);
    if (field === 'content-disposition') readDisposition(value, out);
    else if (field === 'content-type') out.contentTypes.push(value.split(';')[0]!.trim().toLowerCase());
  }
  out.name = out.names.at(-1) ?? '';
  return out;
}

/** Header lines, with obsolete line folding (a line that starts with a space or tab continues the last) undone. */
function unfold(head: string): string[] {
  const lines: string[] = [];
  for (const line of head.split(/\r?\n/)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && lines.length > 0) lines[lines.length - 1] += line;
    else lines.push(line);
  }
  return lines;
}

function readDisposition(value: string, out: PartHead): void {
  let i = value.indexOf(';');
  while (i >= 0 && i < value.length) {
    i++; // past ';'
    const eq = value.indexOf('=', i);
    const semi = value.indexOf(';', i);
    if (eq < 0 || (semi >= 0 && semi < eq)) { // a parameter without a value
      i = semi;
      continue;
    }
    const key = value.slice(i, eq).trim().toLowerCase();
    let j = eq + 1;
    while (value[j] === ' ' || value[j] === '\t') j++;
    let text: string;
    if (value[j] === '"') {
      text = '';
      for (j++; j < value.length && value[j] !== '"'; j++) {
        if (value[j] === '\\' && j + 1 < value.length) j++;
        text += value[j];
      }
      i = value.indexOf(';', j);
    } else {
      const end = value.indexOf(';', j);
      text = value.slice(j, end < 0 ? value.length : end).trim();
      i = end;
    }
    if (key === 'name' || key === 'name*') out.names.push(key === 'name*' ? extendedValue(text) : text);
    else if (key === 'filename') out.filenames.push(text);
    else if (key === 'filename*') out.filenames.push(extendedValue(text));
  }
}

/** RFC 5987 `charset'language'value`: the value, percent-decoded when it decodes as UTF-8. */
function extendedValue(text: string): string {
  const second = text.indexOf("'", text.indexOf("'") + 1);
  const encoded = second < 0 ? text : text.slice(second + 1);
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded; // (scanned as it is: the path context decodes percent escapes itself)
  }
}
