import type { ZenlayerTag } from "./eip-record.js";
import { ZenlayerApiError } from "./zenlayer-error-codes.js";

/** The JSON object of a request body. */
export type ActionParameters = Record<string, unknown>;

const UTF8 = new TextDecoder("utf-8", { fatal: true });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function wrongType(name: string, expected: string): ZenlayerApiError {
  return new ZenlayerApiError("INVALID_PARAMETER_TYPE", `The parameter \`${name}\` must be ${expected}.`);
}

function invalidValue(name: string, problem: string): ZenlayerApiError {
  return new ZenlayerApiError("INVALID_PARAMETER_VALUE", `The parameter \`${name}\` ${problem}.`);
}

/** The common list's specific validation codes. */
type ValidationCode =
  | "INVALID_PARAMETER_EXCEED_MAXIMUM"
  | "INVALID_PARAMETER_LESS_MINIMUM"
  | "INVALID_PARAMETER_EXCEED_LENGTH"
  | "INVALID_PARAMETER_LESS_LENGTH"
  | "INVALID_PARAMETER_PATTERN_ERROR";

function invalid(code: ValidationCode, name: string, problem: string): ZenlayerApiError {
  return new ZenlayerApiError(code, `The parameter \`${name}\` ${problem}.`);
}

// C0 controls and DEL: no official pattern is published, but no tag or filter value may carry them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are refused
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function missing(name: string): ZenlayerApiError {
  return new ZenlayerApiError("MISSING_PARAMETER", `The parameter \`${name}\` is empty.`);
}

/** Parses the body as a UTF-8 JSON object; an empty body counts as `{}`. */
export function parseJsonParameters(body: Uint8Array): ActionParameters {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(UTF8.decode(body));
  } catch {
    throw new ZenlayerApiError("INVALID_REQUEST_BODY", "The request body is not valid UTF-8 JSON.");
  }
  if (!isObject(parsed))
    throw new ZenlayerApiError("INVALID_PARAMETER_TYPE", "The request body must be a JSON object.");
  return parsed;
}

/** Reads a string; `required` turns absent, null or empty into MISSING_PARAMETER. */
export function readString(parameters: ActionParameters, name: string, required: true): string;
export function readString(parameters: ActionParameters, name: string, required?: false): string | undefined;
export function readString(parameters: ActionParameters, name: string, required = false): string | undefined {
  const value = parameters[name];
  if (value === undefined || value === null) {
    if (required) throw missing(name);
    return undefined;
  }
  if (typeof value !== "string") throw wrongType(name, "a string");
  if (required && value.trim() === "") throw missing(name);
  return value;
}

/** Reads an integer within [minimum, maximum]; `label` names it in messages (e.g. a nested path). */
export function readInteger(
  parameters: ActionParameters,
  name: string,
  minimum: number,
  maximum: number,
  label = name,
): number | undefined {
  const value = parameters[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) throw wrongType(label, "an integer");
  if (value < minimum) throw invalid("INVALID_PARAMETER_LESS_MINIMUM", label, `must be at least ${minimum}`);
  if (value > maximum) throw invalid("INVALID_PARAMETER_EXCEED_MAXIMUM", label, `must be at most ${maximum}`);
  return value;
}

/** Reads one of `allowed`. */
export function readEnum<T extends string>(
  parameters: ActionParameters,
  name: string,
  allowed: readonly T[],
  required: true,
): T;
export function readEnum<T extends string>(
  parameters: ActionParameters,
  name: string,
  allowed: readonly T[],
  required?: false,
): T | undefined;
export function readEnum<T extends string>(
  parameters: ActionParameters,
  name: string,
  allowed: readonly T[],
  required = false,
): T | undefined {
  const value = required ? readString(parameters, name, true) : readString(parameters, name);
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw invalidValue(name, `must be one of ${allowed.join(", ")}`);
  return value as T;
}

/** Reads an optional JSON object. */
export function readObject(parameters: ActionParameters, name: string): ActionParameters | undefined {
  const value = parameters[name];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw wrongType(name, "an object");
  return value;
}

/** Reads an array of non-empty strings with at most `maxItems` entries; `required` rejects absent or empty arrays. */
export function readStringArray(
  parameters: ActionParameters,
  name: string,
  maxItems: number,
  required = false,
): string[] | undefined {
  const value = parameters[name];
  if (value === undefined || value === null) {
    if (required) throw missing(name);
    return undefined;
  }
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string"))
    throw wrongType(name, "an array of strings");
  if (required && value.length === 0) throw missing(name);
  if (value.length > maxItems)
    throw invalid("INVALID_PARAMETER_EXCEED_LENGTH", name, `accepts at most ${maxItems} items`);
  if (value.some((item) => item === ""))
    throw invalid("INVALID_PARAMETER_LESS_LENGTH", name, "must not contain empty strings");
  return value as string[];
}

/** Reads an optional dotted IPv4 address (the `ipAddress` filter). */
export function readIpv4Address(parameters: ActionParameters, name: string): string | undefined {
  const value = readString(parameters, name);
  if (value !== undefined && !IPV4.test(value))
    throw invalid("INVALID_PARAMETER_PATTERN_ERROR", name, "must be a dotted IPv4 address");
  return value;
}

/** Checks one tag key or value: 1–128 characters (the CLI's limit; another page says 64), no control characters. */
function checkTagText(text: string, name: string): void {
  if (text.length < 1) throw invalid("INVALID_PARAMETER_LESS_LENGTH", name, "must not be empty");
  if (text.length > 128) throw invalid("INVALID_PARAMETER_EXCEED_LENGTH", name, "must be at most 128 characters");
  if (CONTROL_CHARACTERS.test(text))
    throw invalid("INVALID_PARAMETER_PATTERN_ERROR", name, "must not contain control characters");
}

/** Reads a `[{key, value}]` list: at most `maxItems`, keys unique, keys and values 1–128 characters without control characters. */
export function readTagList(value: unknown, name: string, maxItems: number): ZenlayerTag[] {
  if (!Array.isArray(value)) throw wrongType(name, "an array of {key, value} objects");
  if (value.length > maxItems)
    throw invalid("INVALID_PARAMETER_EXCEED_LENGTH", name, `accepts at most ${maxItems} tags`);
  const keys = new Set<string>();
  return value.map((item, index) => {
    if (!isObject(item) || typeof item["key"] !== "string" || !["string", "undefined"].includes(typeof item["value"])) {
      throw wrongType(`${name}[${index}]`, "an object {key: string, value: string}");
    }
    const key = item["key"];
    // Zenlayer refuses empty tag values (both official tag pages), so an absent value is an empty one.
    const tagValue = (item["value"] as string | undefined) ?? "";
    checkTagText(key, `${name}[${index}].key`);
    checkTagText(tagValue, `${name}[${index}].value`);
    if (keys.has(key)) throw invalidValue(name, `repeats the key \`${key}\``);
    keys.add(key);
    return { key, value: tagValue };
  });
}
