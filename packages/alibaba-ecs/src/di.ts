// Public API of @polycloud/alibaba-ecs/di: the dependency-injection module. Kept out of the main entry so that
// the factory and config paths never load tsyringe; importing this entry does (through @polycloud/core/di).
export { alibabaEcsModule } from "./alibaba-ecs-module.js";
