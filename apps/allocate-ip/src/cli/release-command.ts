/** The flags that pick the provider, as the user passed them, so a printed command reaches the same one. */
export interface ProviderFlags {
  config?: string;
  provider?: string;
}

/**
 * The exact command that releases `id` on the provider the user chose: `allocate-ip release <id>` plus the
 * `--config` / `--provider` flags they passed (none when the environment or the default file chose), each
 * word quoted for a POSIX shell when it needs it.
 */
export function formatReleaseCommand(id: string, flags: ProviderFlags = {}): string {
  const words = ["allocate-ip", "release", id];
  if (flags.config !== undefined) words.push("--config", flags.config);
  if (flags.provider !== undefined) words.push("--provider", flags.provider);
  return words.map(quoteShellWord).join(" ");
}

/** A word a POSIX shell reads back unchanged: as is when it is plain, otherwise in single quotes. */
export function quoteShellWord(word: string): string {
  if (/^[\w./:=@%+,-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
