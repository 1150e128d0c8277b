import { runIpAllocatorConformance } from "../src/index.js";
import { createFixtureSubject } from "./fixtures/create-fixture-subject.js";

// The kit against a conforming HTTP adapter: every check must pass.
runIpAllocatorConformance({ name: "fixture-cloud over HTTP", setup: () => createFixtureSubject() });
