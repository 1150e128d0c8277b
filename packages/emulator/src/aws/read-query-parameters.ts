import { AwsApiError, invalidParameterValue, missingParameter } from "./aws-api-error.js";

/** Decoded query / form parameters of one request (first value of each key). */
export type QueryParameters = Readonly<Record<string, string>>;

/** One `Filter.N`: its name and values (wildcards `*` and `?` allowed, as in EC2). */
export interface QueryFilter {
  name: string;
  values: string[];
}

/** One `TagSpecification.N` with its tags. */
export interface TagSpecification {
  resourceType: string | undefined;
  tags: Array<{ key: string; value: string }>;
}

const PARAMETERS_COMMON_TO_ALL_ACTIONS = [/^Action$/, /^Version$/, /^DryRun$/];

/** `UnknownParameter` for the first key no pattern accepts, so a misspelt query key fails loudly instead of being ignored. */
export function rejectUnknownParameters(parameters: QueryParameters, accepted: readonly RegExp[]): void {
  for (const key of Object.keys(parameters)) {
    if (![...PARAMETERS_COMMON_TO_ALL_ACTIONS, ...accepted].some((pattern) => pattern.test(key))) {
      throw new AwsApiError("UnknownParameter", `The parameter ${key} is not recognized`);
    }
  }
}

/** Values of `Prefix.1`, `Prefix.2`, … (for `prefix` without the dot) in index order. */
export function readIndexedValues(parameters: QueryParameters, prefix: string): string[] {
  return collectIndexed(parameters, prefix).map(([, key]) => parameters[key] as string);
}

/** `[index, key]` of every `prefix.N` key (exactly one level), sorted by N. */
function collectIndexed(parameters: QueryParameters, prefix: string): Array<[number, string]> {
  const pattern = new RegExp(`^${prefix.replace(/\./g, "\\.")}\\.(\\d+)$`);
  const found: Array<[number, string]> = [];
  for (const key of Object.keys(parameters)) {
    const match = pattern.exec(key);
    if (match !== null) found.push([Number(match[1]), key]);
  }
  return found.sort(([left], [right]) => left - right);
}

/** Distinct `N` of every `prefix.N.…` key, sorted. */
function collectGroupIndexes(parameters: QueryParameters, prefix: string): number[] {
  const pattern = new RegExp(`^${prefix.replace(/\./g, "\\.")}\\.(\\d+)\\.`);
  const indexes = new Set<number>();
  for (const key of Object.keys(parameters)) {
    const match = pattern.exec(key);
    if (match !== null) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((left, right) => left - right);
}

/** `Filter.N.Name` / `Filter.N.Value.M`; a filter without a name or without values is `InvalidParameterValue`. */
export function readFilters(parameters: QueryParameters): QueryFilter[] {
  return collectGroupIndexes(parameters, "Filter").map((index) => {
    const name = parameters[`Filter.${index}.Name`];
    if (name === undefined || name === "") throw missingParameter(`Filter.${index}.Name`);
    const values = readIndexedValues(parameters, `Filter.${index}.Value`);
    if (values.length === 0)
      throw new AwsApiError("InvalidParameterValue", `The filter '${name}' requires at least one value.`);
    return { name, values };
  });
}

/** `TagSpecification.N.ResourceType` and `TagSpecification.N.Tag.M.Key` / `.Value` (a tag without a key is `MissingParameter`). */
export function readTagSpecifications(parameters: QueryParameters): TagSpecification[] {
  return collectGroupIndexes(parameters, "TagSpecification").map((index) => {
    const prefix = `TagSpecification.${index}`;
    const tags = collectGroupIndexes(parameters, `${prefix}.Tag`).map((tagIndex) => {
      const key = parameters[`${prefix}.Tag.${tagIndex}.Key`];
      if (key === undefined) throw missingParameter(`${prefix}.Tag.${tagIndex}.Key`);
      return { key, value: parameters[`${prefix}.Tag.${tagIndex}.Value`] ?? "" };
    });
    return { resourceType: parameters[`${prefix}.ResourceType`], tags };
  });
}

/** An optional `true` / `false` parameter (case-insensitive); anything else is `InvalidParameterValue`. */
export function readBoolean(parameters: QueryParameters, name: string): boolean | undefined {
  const value = parameters[name];
  if (value === undefined) return undefined;
  const normalised = value.toLowerCase();
  if (normalised !== "true" && normalised !== "false")
    throw invalidParameterValue(name, value, "Expected a boolean (true or false).");
  return normalised === "true";
}

/** Whether `actual` matches any EC2 filter value (`*` = any run of characters, `?` = one character). */
export function matchesFilterValues(actual: string | undefined, values: readonly string[]): boolean {
  if (actual === undefined) return false;
  return values.some((value) => {
    const pattern = value
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".");
    return new RegExp(`^${pattern}$`, "s").test(actual);
  });
}
