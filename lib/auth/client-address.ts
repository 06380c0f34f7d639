import { envInt } from "../env-int";
/**
 * The header through which `npm start`'s server (scripts/serve.ts) hands the
 * socket's peer address to the app. Next does not expose the socket to app
 * code: it only fills X-Forwarded-For with it when the client sent none
 * (`??=`), so a client that sends its own header hides its address. The
 * server overwrites this header on every request, so a client cannot set it;
 * it is believed only where that server says it runs (FACTDECK_PEER_HEADER=1,
 * set by scripts/serve.ts in its own process), never under a bare `next start`.
 */
export const PEER_HEADER = "x-factdeck-peer";

export type ClientAddressOptions = { trustedProxies: number; peerHeaderTrusted: boolean };

function envOptions(): ClientAddressOptions {
  return { trustedProxies: envInt("FACTDECK_TRUSTED_PROXIES", 0), peerHeaderTrusted: process.env.FACTDECK_PEER_HEADER === "1" };
}

/**
 * The client's address for the per-address limits.
 * - No trusted proxy (FACTDECK_TRUSTED_PROXIES=0, the default): the socket's
 *   peer; X-Forwarded-For is ignored, whatever it says.
 * - N trusted proxies: each appends the address it received the request from,
 *   so of the last N entries the first is the one the outermost trusted proxy
 *   saw — the client. Entries left of it were sent by the client and are not
 *   believed. A chain shorter than N (a proxy that did not append) gives its
 *   leftmost entry.
 * Without the peer header (a bare `next start`, `next dev`) the last
 * X-Forwarded-For entry is the best there is: Next set it from the socket
 * unless the client sent one.
 */
export function clientAddress(headers: Headers, opts: ClientAddressOptions = envOptions()): string {
  const peer = opts.peerHeaderTrusted ? headers.get(PEER_HEADER)?.trim() || null : null;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = Number.isInteger(opts.trustedProxies) && opts.trustedProxies > 0 ? opts.trustedProxies : 0;
  if (hops === 0) return peer ?? chain[chain.length - 1] ?? "127.0.0.1";
  return chain[Math.max(0, chain.length - hops)] ?? peer ?? "127.0.0.1";
}

/** The socket's address as the app should see it: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as plain IPv4. */
export function normalisePeerAddress(address: string | undefined): string {
  if (!address) return "";
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}
