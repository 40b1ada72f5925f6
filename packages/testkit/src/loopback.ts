import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RunningServer } from "@gong-flows/fake/prism";

/** Starts an HTTP server of a test on a free 127.0.0.1 port; `stop` closes it with its open connections. */
export async function listenOnLoopback(server: Server): Promise<RunningServer> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
