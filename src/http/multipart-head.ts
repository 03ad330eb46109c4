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
  /** Every Content-Transfer-Encoding given, trimmed, lower case. */
  transferEncodings: string[];
  /**
   * The part is a file whose content the guard may leave unscanned: every parser reads the
   * same non-empty filename from it and it says it is not text. See {@link parsePartHead}.
   */
  binaryFile: boolean;
}

/**
 * A parameter of the one Content-Disposition shape every multipart parser reads alike (what
 * browsers and curl send): `form-data`, then parameters with lower-case names, each given
 * once, values quoted without escapes or bare tokens, and no `filename*` (each parser reads
 * those its own way). busboy takes parameter names as written (`FILENAME=` is no filename
 * to it), undici stops at the first parameter it cannot read, and they unescape quoted
 * strings differently: any other shape may be a text field to one of them.
 */
const PLAIN_PARAM = /^[ \t]*;[ \t]*([a-z0-9!#$%&'+.^_`|~-]+)=(?:"([^"\\\r\n]*)"|([!#$%&'*+.^_`|~0-9A-Za-z-]+))[ \t]*/;
/** A line that starts with a space or tab: obsolete folding, which parsers undo differently. */
const FOLDED = /(?:^|\n)[ \t]/;

/**
 * Parse a part's header block (the text between the delimiter line and the blank line).
 * Names and filenames are gathered leniently (every one any parser might take, to scan them
 * all); whether the content is a binary file is decided strictly, since parsers disagree on
 * the rest: busboy reads the first Content-Disposition and undici the last, busboy keeps an
 * empty filename's part as a text field, undici base64-decodes a part with that
 * Content-Transfer-Encoding. So `binaryFile` needs one Content-Disposition of the plain
 * shape with a non-empty filename, no folded line, at least one Content-Type and none of
 * them text, and no Content-Transfer-Encoding but 7bit, 8bit or binary.
 */
export function parsePartHead(head: string): PartHead {
  const out: PartHead = { name: '', names: [], filenames: [], contentTypes: [], transferEncodings: [], binaryFile: false };
  const lines = unfold(head);
  const dispositions: string[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1);
    if (field === 'content-disposition') {
      readDisposition(value, out);
      dispositions.push(value);
    } else if (field === 'content-type') out.contentTypes.push(value.split(';')[0]!.trim().toLowerCase());
    else if (field === 'content-transfer-encoding') out.transferEncodings.push(value.trim().toLowerCase());
  }
  out.name = out.names.at(-1) ?? '';
  out.binaryFile = !FOLDED.test(head)
    && dispositions.length === 1 && plainFilename(dispositions[0]!)
    // (an empty Content-Type is none: formidable takes a part without a mimetype for a text field)
    && out.contentTypes.length > 0 && !out.contentTypes.some((t) => t === '' || isTextType(t))
    && out.transferEncodings.every((e) => e === '7bit' || e === '8bit' || e === 'binary');
  return out;
}

/** Is a part of this media type (lower case) text, so scanned even as a file? */
export function isTextType(type: string): boolean {
  return type.startsWith('text/') || type.includes('json') || type.includes('xml');
}

/** Is a Content-Disposition value of the plain shape, with a non-empty `filename` every parser reads? */
function plainFilename(value: string): boolean {
  let rest = value.replace(/^[ \t]+/, '');
  if (rest.slice(0, 9).toLowerCase() !== 'form-data') return false;
  rest = rest.slice(9);
  const seen = new Set<string>();
  let filename: string | undefined;
  while (rest.length > 0) {
    const m = PLAIN_PARAM.exec(rest);
    if (m === null) return false;
    const key = m[1]!;
    if (seen.has(key)) return false;
    seen.add(key);
    if (key === 'filename') filename = m[2] ?? m[3];
    rest = rest.slice(m[0].length);
  }
  return filename !== undefined && filename.length > 0;
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

/**
 * Every name and filename of a Content-Disposition value, read two ways: with backslash
 * escapes in quoted strings (busboy) and without (undici ends a quoted string at the first
 * `"`, so `name="x\"; filename="<svg…>"` has a filename to it and none to busboy).
 */
function readDisposition(value: string, out: PartHead): void {
  readParams(value, out, true);
  if (value.includes('\\')) readParams(value, out, false);
}

function readParams(value: string, out: PartHead, escapes: boolean): void {
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
        if (escapes && value[j] === '\\' && j + 1 < value.length) j++;
        text += value[j];
      }
      i = value.indexOf(';', j);
    } else {
      const end = value.indexOf(';', j);
      text = value.slice(j, end < 0 ? value.length : end).trim();
      i = end;
    }
    // formidable finds `name=` and `filename=` anywhere in the header (its regexes are not
    // anchored to a parameter), so `x-name=` or `x-filename=` are a name and a filename to it.
    // An extended (RFC 5987) value is read both decoded and as written: undici takes a quoted
    // `filename*="…"` as a plain string.
    const values = key.endsWith('*') ? [extendedValue(text), text] : [text];
    if (key.endsWith('filename') || key.endsWith('filename*')) out.filenames.push(...values);
    else if (key.endsWith('name') || key.endsWith('name*')) out.names.push(...values);
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
