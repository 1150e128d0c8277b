/** Where a JSON text first stops being valid: 1-based line and column. @public */
export interface JsonErrorPosition {
  line: number;
  column: number;
}

/**
 * Finds the first syntax error of a JSON text without quoting it: engines' `JSON.parse` messages may
 * include the text around the error, which in a config file can be a credential. Returns undefined when
 * the text is valid JSON.
 * @public
 */
export function locateJsonSyntaxError(text: string): JsonErrorPosition | undefined {
  const scanner = { text, offset: 0 };
  if (readValue(scanner, 0)) {
    skipWhitespace(scanner);
    if (scanner.offset === text.length) return undefined;
  }
  return toLineAndColumn(text, scanner.offset);
}

interface Scanner {
  text: string;
  offset: number;
}

// Deep nesting is refused rather than recursed into: a hostile file must not overflow the stack.
const MAX_DEPTH = 256;

function readValue(scanner: Scanner, depth: number): boolean {
  skipWhitespace(scanner);
  const character = scanner.text[scanner.offset];
  if (character === "{") return depth < MAX_DEPTH && readContainer(scanner, depth, "}", true);
  if (character === "[") return depth < MAX_DEPTH && readContainer(scanner, depth, "]", false);
  if (character === '"') return readString(scanner);
  for (const literal of ["true", "false", "null"]) {
    if (scanner.text.startsWith(literal, scanner.offset)) {
      scanner.offset += literal.length;
      return true;
    }
  }
  return readToken(scanner, NUMBER);
}

function readContainer(scanner: Scanner, depth: number, closing: string, isObject: boolean): boolean {
  scanner.offset += 1;
  skipWhitespace(scanner);
  if (scanner.text[scanner.offset] === closing) {
    scanner.offset += 1;
    return true;
  }
  for (;;) {
    if (isObject) {
      skipWhitespace(scanner);
      if (scanner.text[scanner.offset] !== '"' || !readString(scanner)) return false;
      skipWhitespace(scanner);
      if (scanner.text[scanner.offset] !== ":") return false;
      scanner.offset += 1;
    }
    if (!readValue(scanner, depth + 1)) return false;
    skipWhitespace(scanner);
    const next = scanner.text[scanner.offset];
    if (next === closing) {
      scanner.offset += 1;
      return true;
    }
    if (next !== ",") return false;
    scanner.offset += 1;
  }
}

function readString(scanner: Scanner): boolean {
  return readToken(scanner, STRING);
}

// Sticky patterns match at the offset without copying the rest of the text.
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings may not contain raw C0 characters (RFC 8259)
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

function readToken(scanner: Scanner, pattern: RegExp): boolean {
  pattern.lastIndex = scanner.offset;
  const match = pattern.exec(scanner.text);
  if (match === null) return false;
  scanner.offset += match[0].length;
  return true;
}

function skipWhitespace(scanner: Scanner): void {
  while (/[ \t\n\r]/.test(scanner.text[scanner.offset] ?? "")) scanner.offset += 1;
}

function toLineAndColumn(text: string, offset: number): JsonErrorPosition {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
