// Test helpers for adapter authors: `import { ManualClock } from "@polycloud/core/testing"`.
export { ManualClock } from "./manual-clock.js";
