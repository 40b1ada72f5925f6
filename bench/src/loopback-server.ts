// The server of the per-request figures: answers every request like Gong's 200, and does nothing else, so the
// time measured is the client's and the loopback's. Runs in its own process, and ends when its stdin closes.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res
      .writeHead(200, { "content-type": "application/json", "x-traceid": "bench" })
      .end('{"requestId":"bench","unassignedFlowInstanceIds":["234599484848423"]}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
