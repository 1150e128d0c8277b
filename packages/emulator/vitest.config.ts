import { defaultServerConditions } from "vite";
import { defineProjectConfig } from "../../vitest.shared.ts";

const shared = defineProjectConfig("emulator");
// The AWS SDK's "module" condition points at builds with extension-less imports that Node's ESM loader refuses;
// without it vitest resolves the "node" condition (CommonJS), which is what Node itself loads.
const conditions = ["@polycloud/source", ...defaultServerConditions.filter((condition) => condition !== "module")];

export default { ...shared, resolve: { ...shared.resolve, conditions }, ssr: { ...shared.ssr, resolve: { ...shared.ssr?.resolve, conditions } } };
