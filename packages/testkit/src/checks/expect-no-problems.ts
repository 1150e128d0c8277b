import type { SettingsSchema } from "@polycloud/core";

/** `path: message` for each way `value` violates `schema` (one of core's zod schemas); empty when valid. */
export function listSchemaProblems(schema: SettingsSchema<unknown>, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`);
}

/** Fails with every problem listed, one per line, so an adapter author sees all of them at once. */
export function expectNoProblems(problems: readonly string[], heading: string): void {
  if (problems.length > 0) throw new Error(`${heading}:\n- ${problems.join("\n- ")}`);
}
