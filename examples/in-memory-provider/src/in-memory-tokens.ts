import { createToken } from "@polycloud/core";
import type { InMemoryCloud } from "./in-memory-cloud.js";
import type { ResolvedInMemorySettings } from "./in-memory-settings.js";

/** Resolved settings of one configured allocator. */
export const IN_MEMORY_SETTINGS = createToken<ResolvedInMemorySettings>("polycloud-example-in-memory/settings");
/** The far side the allocator talks to. */
export const IN_MEMORY_CLOUD = createToken<InMemoryCloud>("polycloud-example-in-memory/cloud");
