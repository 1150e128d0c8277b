import { defaultServerConditions } from "vite";
import { defineProjectConfig } from "../../vitest.shared.ts";

const shared = defineProjectConfig("aws-ec2");
// @smithy/core's "module" export condition points at builds with extension-less imports that Node's ESM loader
// refuses; without it vitest resolves the "node" condition (CommonJS), exactly what Node loads for the built package.
const conditions = ["@polycloud/source", ...defaultServerConditions.filter((condition) => condition !== "module")];

export default { ...shared, resolve: { ...shared.resolve, conditions }, ssr: { ...shared.ssr, resolve: { ...shared.ssr?.resolve, conditions } } };
