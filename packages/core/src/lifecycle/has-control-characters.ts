// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are refused
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** What adapters say when {@link hasControlCharacters} refuses a string option. @public */
export const CONTROL_CHARACTERS_MESSAGE = "must not contain control characters (CR, LF, NUL, …)";

/**
 * True when `text` holds a C0 control character or DEL (CR, LF, NUL, …). Adapters refuse such option strings
 * before sending: no provider id or code contains one, and CR/LF in a header or a log line is an injection.
 * @public
 */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}
