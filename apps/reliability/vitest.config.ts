import { defineProjectConfig } from "../../vitest.shared.ts";

export default defineProjectConfig("reliability", { testTimeout: 60_000 });
