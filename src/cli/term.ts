// Text for a terminal: the CLI prints payloads, decoded stages, file names and arguments, and a
// terminal acts on control characters in them (CSI/OSC sequences clear the screen, recolor, make
// fake links; bidi overrides reorder what is shown), so none may reach it raw.

/**
 * Characters escaped before anything is printed: C0 controls other than LF (the CLI's own line
 * breaks; a LF inside payload text is escaped by the JSON quoting the CLI puts payload text in),
 * DEL, C1 controls (U+009B is a one-character CSI, U+009D OSC), and the bidi controls: the marks
 * U+061C, U+200E, U+200F, the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every terminal control written as a `\uXXXX` escape (lower-case hex, as
 * `JSON.stringify` writes C0). Safe on JSON text too: outside strings JSON text holds only
 * LF and spaces, and inside a string the escape reads back as the character it replaced, so
 * `JSON.parse(termSafe(JSON.stringify(v)))` equals `JSON.parse(JSON.stringify(v))`.
 */
export function termSafe(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
