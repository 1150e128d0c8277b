import { readFileSync } from "node:fs";

// Linux reports utime/stime in clock ticks; 100 Hz is the value on every mainstream kernel config.
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) another process has used so far, from `/proc/<pid>/stat`; NaN where that file
 * does not exist (not Linux). Used to show how busy the server process was during a round.
 */
export function readProcessCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 (1-based).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND) * 1000;
  } catch {
    return Number.NaN;
  }
}
