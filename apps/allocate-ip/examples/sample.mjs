// The polycloud sample: these lines allocate on Alibaba Cloud, on Zenlayer or on AWS; polycloud.config.json decides.
import { createIpAllocator, loadConfig } from "@polycloud/core";

const { config, allocate, baseDirectory } = await loadConfig(); // ./polycloud.config.json, or $POLYCLOUD_CONFIG
const allocator = await createIpAllocator(config, { baseDirectory });
try {
  const result = await allocator.allocate(allocate); // the file's "allocate" defaults: location, instanceId, count, tags
  for (const ip of result.ips) console.log(ip.address ?? "(pending)", ip.id, ip.state, result.requestId);
} finally {
  await allocator.close();
}
