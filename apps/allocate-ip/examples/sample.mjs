// The polycloud sample: these lines allocate on Alibaba Cloud, on Zenlayer or on AWS; polycloud.config.json decides.
import { createIpAllocator, loadConfig } from "@polycloud/core";

const { config, baseDirectory } = await loadConfig(); // ./polycloud.config.json, or $POLYCLOUD_CONFIG
const allocator = await createIpAllocator(config, { baseDirectory });
try {
  const result = await allocator.allocate({
    location: { [allocator.capabilities.locationKind]: process.env.LOCATION }, // a region or a zone
    instanceId: process.env.INSTANCE_ID, // Alibaba attaches the IP to an instance
  });
  for (const ip of result.ips) console.log(ip.address ?? "(pending)", ip.id, ip.state, result.requestId);
} finally {
  await allocator.close();
}
