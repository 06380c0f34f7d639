/**
 * The production HTTP server `npm start` runs: Next's request handler behind
 * Node's own http server, which is the one place that sees the socket. It
 * hands the peer's address to the app in PEER_HEADER (overwriting whatever
 * the client sent), so the per-address limits use the real address when no
 * proxy is trusted (lib/auth/client-address). Everything else is `next start`.
 */
import http from "node:http";
import path from "node:path";
import next from "next";
import { normalisePeerAddress, PEER_HEADER } from "../lib/auth/client-address";

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  // Read by lib/auth/client-address in this process: the header below can be believed.
  process.env.FACTDECK_PEER_HEADER = "1";
  const app = next({ dev: false, dir: path.resolve(__dirname, ".."), port, hostname: process.env.HOSTNAME ?? "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((req, res) => {
    req.headers[PEER_HEADER] = normalisePeerAddress(req.socket.remoteAddress);
    void handle(req, res);
  });
  server.on("error", (e) => {
    console.error(`factdeck: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, () => console.log(`factdeck: listening on http://localhost:${port}`));
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.close(() => process.exit(0)));
}

main().catch((e: unknown) => {
  console.error(`factdeck: ${(e as Error).message.split("\n")[0]}`);
  process.exit(1);
});
