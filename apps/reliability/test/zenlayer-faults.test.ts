// zenlayer-eip against every emulator fault kind, many seeded iterations each; see README.md.
import { defineFaultScenarioTests } from "./support/run-fault-scenarios.js";
import { runZenlayerScenario } from "./support/run-zenlayer-scenario.js";

defineFaultScenarioTests("zenlayer-eip", runZenlayerScenario);
