// alibaba-ecs against every emulator fault kind, many seeded iterations each; see README.md.
import { defineFaultScenarioTests } from "./support/run-fault-scenarios.js";
import { runAlibabaScenario } from "./support/run-alibaba-scenario.js";

defineFaultScenarioTests("alibaba-ecs", runAlibabaScenario);
