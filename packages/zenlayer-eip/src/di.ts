// Public API of @polycloud/zenlayer-eip/di: the dependency-injection module. Kept out of the main entry so that
// the factory and config paths never load tsyringe; importing this entry does (through @polycloud/core/di).
export { zenlayerEipModule } from "./zenlayer-eip-module.js";
