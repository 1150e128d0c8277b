import { IpAllocatorError } from "@polycloud/core";

/** The emulator's package: only `demo` needs it, so the published CLI leaves it optional. */
const EMULATOR_PACKAGE = "@polycloud/emulator";

/** What `demo` uses of the emulator package. */
export type EmulatorModule = typeof import("@polycloud/emulator");

/**
 * Loads `@polycloud/emulator` on demand. When it is not installed (the CLI was installed without it), rejects
 * with INVALID_ARGUMENT (exit 2) saying how to get it, instead of Node's module-resolution stack trace.
 */
export async function importEmulator(): Promise<EmulatorModule> {
  try {
    return await import("@polycloud/emulator");
  } catch (thrown) {
    if (!isEmulatorMissing(thrown)) throw thrown;
    const hint = `install it next to allocate-ip (npm install ${EMULATOR_PACKAGE}), or run the demo from the polycloud repository (npx pnpm@10.34.9 demo)`;
    throw new IpAllocatorError({
      code: "INVALID_ARGUMENT",
      message: `allocate-ip demo needs ${EMULATOR_PACKAGE}, which is not installed: ${hint}.`,
      details: { hint },
    });
  }
}

/** True when the import failed because the emulator package itself could not be found (not one of its files). */
function isEmulatorMissing(thrown: unknown): boolean {
  const { code, message } = thrown as { code?: unknown; message?: unknown };
  return (
    (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
    typeof message === "string" &&
    message.includes(`'${EMULATOR_PACKAGE}'`)
  );
}
