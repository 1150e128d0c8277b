// Public API of @polycloud/aws-ec2/di: the dependency-injection module. Kept out of the main entry so that the
// factory and config paths never load tsyringe; importing this entry does (through @polycloud/core/di).
export { awsEc2Module } from "./aws-ec2-module.js";
