/** The value, or undefined when it is missing or blank: an empty variable or profile field counts as unset. @internal */
export function readNonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
