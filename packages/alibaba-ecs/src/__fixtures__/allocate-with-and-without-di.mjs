// Child process of alibaba-ecs-lazy-di.test.ts, run against the built package: allocates through the plain
// factory, records which dependency-injection files Node has loaded by then, then allocates through the DI
// module. Prints one JSON line. ENDPOINT is an Alibaba emulator started by the test.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const credentials = { accessKeyId: "polycloud-test-key-id", accessKeySecret: "polycloud-test-key-secret" };
const settings = { region: "cn-hangzhou", endpoint: process.env.ENDPOINT, credentials };
/** CommonJS files of tsyringe and its helpers loaded so far (ES modules importing them go through require.cache). */
const loadedDependencyInjectionFiles = () =>
  Object.keys(require.cache).filter((path) => /node_modules[\\/](tsyringe|reflect-metadata|tslib)[\\/]/.test(path));

const { createAlibabaEcsAllocator, ALIBABA_ECS_ALLOCATOR } = await import("@polycloud/alibaba-ecs");
const factoryAllocator = createAlibabaEcsAllocator(settings);
const viaFactory = await factoryAllocator.allocate({
  location: { region: "cn-hangzhou" },
  instanceId: "i-polycloud0001",
});
await factoryAllocator.close();
const filesBeforeDi = loadedDependencyInjectionFiles();

const { resolveToken } = await import("@polycloud/core");
const { createAllocatorContainer, disposeAllocatorContainer } = await import("@polycloud/core/di");
const { alibabaEcsModule } = await import("@polycloud/alibaba-ecs/di");
const container = createAllocatorContainer();
alibabaEcsModule.register(container, settings);
const viaContainer = await resolveToken(container, ALIBABA_ECS_ALLOCATOR).allocate({
  location: { region: "cn-hangzhou" },
  instanceId: "i-polycloud0002",
});
await disposeAllocatorContainer(container);

process.stdout.write(
  `${JSON.stringify({ viaFactory: viaFactory.ips[0]?.address, filesBeforeDi, viaContainer: viaContainer.ips[0]?.address, filesAfterDi: loadedDependencyInjectionFiles().length })}\n`,
);
