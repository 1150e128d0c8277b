import { defineProjectConfig } from "../../vitest.shared.ts";

export default defineProjectConfig("example-in-memory");
