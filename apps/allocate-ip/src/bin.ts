// The allocate-ip executable: wires the process to runCli and lets Node exit on its own once the event
// loop is empty, so a leaked socket or timer would show up as a hang rather than be hidden by process.exit.
import { ignoreClosedPipe } from "./cli/ignore-closed-pipe.js";
import { runCli } from "./cli/run-cli.js";

const controller = new AbortController();
const cancel = () => controller.abort();
// `once`: a second Ctrl-C falls through to Node's default and ends the process at once.
process.once("SIGINT", cancel);
process.once("SIGTERM", cancel);
// A closed stdout or stderr (`| head -1`) never interrupts the command nor changes its exit code.
const stdout = ignoreClosedPipe(process.stdout);
const stderr = ignoreClosedPipe(process.stderr);
process.exitCode = await runCli(process.argv.slice(2), { signal: controller.signal, stdout, stderr });
process.off("SIGINT", cancel);
process.off("SIGTERM", cancel);
