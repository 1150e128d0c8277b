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
  if (!isObject(parsed)) throw new ZenlayerApiError("INVALID_PARAMETER_TYPE", "The request body must be a JSON object.");
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
export function readInteger(parameters: ActionParameters, name: string, minimum: number, maximum: number, label = name): number | undefined {
  const value = parameters[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) throw wrongType(label, "an integer");
  if (value < minimum || value > maximum) throw invalidValue(label, `must be between ${minimum} and ${maximum}`);
  return value;
}

/** Reads one of `allowed`. */
export function readEnum<T extends string>(parameters: ActionParameters, name: string, allowed: readonly T[], required: true): T;
export function readEnum<T extends string>(parameters: ActionParameters, name: string, allowed: readonly T[], required?: false): T | undefined;
export function readEnum<T extends string>(parameters: ActionParameters, name: string, allowed: readonly T[], required = false): T | undefined {
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
export function readStringArray(parameters: ActionParameters, name: string, maxItems: number, required = false): string[] | undefined {
  const value = parameters[name];
  if (value === undefined || value === null) {
    if (required) throw missing(name);
    return undefined;
  }
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) throw wrongType(name, "an array of strings");
  if (required && value.length === 0) throw missing(name);
  if (value.length > maxItems) throw invalidValue(name, `accepts at most ${maxItems} items`);
  if (value.some((item) => item === "")) throw invalidValue(name, "must not contain empty strings");
  return value as string[];
}

/** Reads a `[{key, value}]` list: keys unique, 1–128 characters; values up to 128 characters. */
export function readTagList(value: unknown, name: string, maxItems: number): ZenlayerTag[] {
  if (!Array.isArray(value)) throw wrongType(name, "an array of {key, value} objects");
  if (value.length > maxItems) throw invalidValue(name, `accepts at most ${maxItems} tags`);
  const keys = new Set<string>();
  return value.map((item, index) => {
    if (!isObject(item) || typeof item["key"] !== "string" || !["string", "undefined"].includes(typeof item["value"])) {
      throw wrongType(`${name}[${index}]`, "an object {key: string, value: string}");
    }
    const key = item["key"];
    const tagValue = (item["value"] as string | undefined) ?? "";
    if (key.length < 1 || key.length > 128) throw invalidValue(`${name}[${index}].key`, "must be 1 to 128 characters");
    if (tagValue.length > 128) throw invalidValue(`${name}[${index}].value`, "must be at most 128 characters");
    if (keys.has(key)) throw invalidValue(name, `repeats the key \`${key}\``);
    keys.add(key);
    return { key, value: tagValue };
  });
}
