// Provider-supplied text (messages, codes, request ids, addresses, states, ids) reaches a terminal. A control
// character in it could move the cursor, recolour or rewrite earlier lines (ESC sequences, CR), or hide what
// the CLI printed, so every one is shown as an escape instead of being sent to the terminal.

// C0 (tab and newline included: a human line is one line), DEL, C1, and the Unicode line and paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are escaped
const HUMAN_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// JSON.stringify already escapes C0; DEL, C1 and U+2028 / U+2029 it leaves raw (valid JSON, unsafe on a terminal).
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029]/g;

/**
 * One line of human output with every control character escaped: `\x1b` for C0, DEL and C1 (`\r`, `\n` and
 * `\t` by name), `\u2028` for the line and paragraph separators.
 * @public
 */
export function escapeControlCharacters(line: string): string {
  return line.replace(HUMAN_UNSAFE, (character) => {
    if (character === "\n") return "\\n";
    if (character === "\r") return "\\r";
    if (character === "\t") return "\\t";
    const code = character.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * A `JSON.stringify` result with DEL, C1 and U+2028 / U+2029 written as `\uXXXX`. They can only occur inside
 * strings, where the escape means the same character, so the JSON parses to the same value.
 * @public
 */
export function escapeJsonControlCharacters(json: string): string {
  return json.replace(JSON_UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
