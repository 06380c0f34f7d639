/** The bench's child processes: free ports, `next build`, starting servers and stopping them. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { keepingTsconfig } from "../../keep-tsconfig";
import { buildInputsHash } from "../../start";
import { log, nextBin, root } from "./options";

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: "127.0.0.1" });
    sock.once("connect", () => {
      sock.destroy();
      resolve(false);
    });
    sock.once("error", () => resolve(true));
  });
}

export async function waitFor(url: string, child: ChildProcess, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (code ${child.exitCode}) before answering ${url}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(150);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Starts a server child, keeping the last lines of its output for error reports. */
export function startChild(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const tail: string[] = [];
  const keep = (buf: Buffer) => {
    for (const line of buf.toString().split("\n")) if (line.trim()) tail.push(line);
    if (tail.length > 60) tail.splice(0, tail.length - 60);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, tail };
}

export async function stopChild(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/** The stamp `npm start` (scripts/start.ts) leaves in a build: the hash of the sources it was built from. */
const STAMP = "factdeck-build-hash";

/** Whether `distDir` holds a finished build of the sources as they are now. */
export function isFreshBuild(distDir: string): boolean {
  const dir = path.join(root, distDir);
  const stamp = path.join(dir, STAMP);
  return fs.existsSync(path.join(dir, "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === buildInputsHash();
}

/** `next build` into `env.NEXT_DIST_DIR`, stamped with the sources' hash so a later smoke run can reuse it. */
export function buildApp(env: NodeJS.ProcessEnv) {
  const distDir = env.NEXT_DIST_DIR!;
  log(`building into ${distDir} …`);
  const hash = buildInputsHash();
  const t0 = performance.now();
  // The bench dist dir stays out of type checking: tsconfig.json is restored after the build.
  keepingTsconfig(root, () => {
    const res = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, encoding: "utf8" });
    if (res.status !== 0) throw new Error(`next build failed (exit ${res.status}):\n${`${res.stdout}${res.stderr}`.split("\n").slice(-30).join("\n")}`);
  });
  fs.writeFileSync(path.join(root, distDir, STAMP), hash);
  log(`built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
