const SECRET_NAME = /secret|token|password/i;

/**
 * Every credential value the CLI could come across: string values under secret-looking keys anywhere in
 * the configuration, and secret-looking environment variables. The CLI masks them in everything it logs,
 * in addition to the masking the adapters already do (belt and braces for `--verbose`).
 */
export function collectSecretValues(config: unknown, env: Readonly<Record<string, string | undefined>>): string[] {
  const found = new Set<string>();
  collectFromValue(config, false, found);
  for (const [name, value] of Object.entries(env)) {
    if (SECRET_NAME.test(name) && value) found.add(value);
  }
  return [...found];
}

function collectFromValue(value: unknown, underSecretKey: boolean, found: Set<string>): void {
  if (typeof value === "string") {
    if (underSecretKey && value !== "") found.add(value);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [key, child] of Object.entries(value))
    collectFromValue(child, underSecretKey || SECRET_NAME.test(key), found);
}
