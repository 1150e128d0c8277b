import { createTaggingCloudSubject } from "./__fixtures__/create-tagging-cloud-subject.js";
import { runIpAllocatorConformance } from "./run-ip-allocator-conformance.js";

// The whole kit against a conforming adapter on core's lifecycle engine, over real HTTP: every check must pass.
runIpAllocatorConformance({ name: "tagging-cloud over HTTP", setup: () => createTaggingCloudSubject() });
