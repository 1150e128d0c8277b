import type { AllocatedIp } from "@polycloud/core";
import type { TaggingCloudIp } from "./start-tagging-cloud.js";

/** Maps a tagging cloud record to the neutral `AllocatedIp`: ACTIVE is ready, anything else released. */
export function mapTaggingCloudIp(ip: TaggingCloudIp): AllocatedIp {
  return {
    id: ip.id,
    address: ip.address,
    state: ip.status === "ACTIVE" ? "ready" : "released",
    location: { zone: ip.zone },
    tags: ip.tags,
    providerState: ip.status,
  };
}
