// Child process of aws-ec2-module.test.ts, run against the built package: allocates through the plain factory,
// records which dependency-injection files Node has loaded by then, then allocates through the DI module.
// Prints one JSON line. ENDPOINT is an AWS emulator started by the test.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const settings = {
  region: "us-east-1",
  endpoint: process.env.ENDPOINT,
  credentials: { accessKeyId: "polycloud-test-key-id", secretAccessKey: "polycloud-test-key-secret" },
};
const location = { region: "us-east-1" };
/** CommonJS files of tsyringe and its polyfill loaded so far (@smithy loads tslib for itself, so tslib is no sign of DI). */
const loadedDependencyInjectionFiles = () =>
  Object.keys(require.cache).filter((path) => /node_modules[\\/](tsyringe|reflect-metadata)[\\/]/.test(path));

const { createAwsEc2Allocator, AWS_EC2_ALLOCATOR } = await import("@polycloud/aws-ec2");
const factoryAllocator = createAwsEc2Allocator(settings);
const viaFactory = await factoryAllocator.allocate({ location });
await factoryAllocator.close();
const filesBeforeDi = loadedDependencyInjectionFiles();

const { resolveToken } = await import("@polycloud/core");
const { createAllocatorContainer, disposeAllocatorContainer } = await import("@polycloud/core/di");
const { awsEc2Module } = await import("@polycloud/aws-ec2/di");
const container = createAllocatorContainer();
awsEc2Module.register(container, settings);
const viaContainer = await resolveToken(container, AWS_EC2_ALLOCATOR).allocate({ location });
await disposeAllocatorContainer(container);

process.stdout.write(
  `${JSON.stringify({ viaFactory: viaFactory.ips[0]?.id, filesBeforeDi, viaContainer: viaContainer.ips[0]?.id, filesAfterDi: loadedDependencyInjectionFiles().length })}\n`,
);
