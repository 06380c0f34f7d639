/** The first-load JavaScript of a page, measured the way a browser fetches it. */
import zlib from "node:zlib";
import { decodeHtml } from "./decode-html";

export type PageJs = { status: number; chunks: number; raw: number; gzip: number; inlineRaw: number; inlineGzip: number };

/**
 * Every JavaScript chunk a page's HTML makes the browser load: `<script src>`,
 * preloads and the chunk lists in the inline RSC payload, de-duplicated.
 * Inline scripts (the RSC payload) are summed separately.
 */
export async function pageJs(base: string, page: string, cookie?: string): Promise<PageJs> {
  const res = await fetch(base + page, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET ${page} answered ${res.status}`);
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) urls.add(decodeHtml(m[1]!));
  for (const m of html.matchAll(/(?:\/_next\/)?static\/chunks\/[A-Za-z0-9_.~\-/]+?\.js/g)) urls.add(m[0].startsWith("/_next/") ? m[0] : `/_next/${m[0]}`);
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const r = await fetch(new URL(url, base));
    const buf = Buffer.from(await r.arrayBuffer());
    if (!r.ok) throw new Error(`GET ${url} answered ${r.status}`);
    raw += buf.length;
    gzip += zlib.gzipSync(buf, { level: 9 }).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  const inlineBuf = Buffer.from(inline);
  return { status: res.status, chunks: urls.size, raw, gzip, inlineRaw: inlineBuf.length, inlineGzip: zlib.gzipSync(inlineBuf, { level: 9 }).length };
}
