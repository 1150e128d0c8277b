// The fault scenarios trust `findLeakedResources` to prove allocators and emulators leave nothing behind;
// these tests prove it notices a leaked socket, server and timer, and stays quiet once they are gone.
import { createServer } from "node:http";
import { createZenlayerEipAllocator } from "@polycloud/zenlayer-eip";
import { createHttpDispatcher } from "@polycloud/core";
import { startEmulator } from "@polycloud/emulator";
import { describe, expect, it } from "vitest";
import { countActiveResources, findLeakedResources } from "./support/find-leaked-resources.js";
import { ZENLAYER_TEST_ACCOUNT } from "./support/reliability-seeds.js";

describe("findLeakedResources", () => {
  it("reports a keep-alive socket and a listening server until both are closed", async () => {
    const baseline = countActiveResources();
    const server = createServer((_request, response) => response.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    const dispatcher = createHttpDispatcher();
    const answer = await dispatcher.request({ origin: `http://127.0.0.1:${address.port}`, path: "/", method: "GET" });
    await answer.body.text();

    const leaked = await findLeakedResources(baseline, { settleMs: 100 });
    expect(leaked).toContain("TCPServerWrap +1");
    expect(leaked.some((entry) => entry.startsWith("TCPSocketWrap"))).toBe(true);

    await dispatcher.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await findLeakedResources(baseline)).toEqual([]);
  });

  it("reports a pending ref'd timer but not an unref'd one (which cannot hold the process open)", async () => {
    const baseline = countActiveResources();
    const unreferenced = setTimeout(() => undefined, 60_000).unref();
    expect(await findLeakedResources(baseline, { settleMs: 50 })).toEqual([]);
    const referenced = setTimeout(() => undefined, 60_000);
    expect(await findLeakedResources(baseline, { settleMs: 50 })).toEqual(["Timeout +1"]);
    clearTimeout(referenced);
    clearTimeout(unreferenced);
    expect(await findLeakedResources(baseline)).toEqual([]);
  });

  it("sees an allocator's keep-alive socket while the emulator still listens, and nothing once both are closed", async () => {
    const baseline = countActiveResources();
    const emulator = await startEmulator();
    const { accessKeyId, accessKeySecret } = ZENLAYER_TEST_ACCOUNT;
    const allocator = createZenlayerEipAllocator(
      { endpoint: emulator.zenlayer.endpoint, credentials: { accessKeyId, accessKeySecret } },
      { env: {} },
    );
    await allocator.allocate({ location: { zone: "SEL-A" } });
    const listening = { TCPServerWrap: 3 };

    // undici unrefs an idle keep-alive socket; its server-side end, inside this process, is what stays visible.
    const beforeClose = await findLeakedResources(baseline, { settleMs: 100, expected: listening });
    expect(beforeClose.some((entry) => entry.startsWith("TCPSocketWrap"))).toBe(true);
    await allocator.close();
    expect(await findLeakedResources(baseline, { expected: listening })).toEqual([]);
    await emulator.close();
    expect(await findLeakedResources(baseline)).toEqual([]);
  });
});
