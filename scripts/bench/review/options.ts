/** bench-review's options (see main.ts) and the fixed values its parts share. */
import path from "node:path";
import { arg, flag } from "../shared/args";

export const root = path.resolve(__dirname, "../../..");
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
export const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
export const COOKIE_NAME = "better-auth.session_token";
export const PASSWORD = "factdeck-bench-password";
export const NEW_PER_DAY = 200;

/** `--smoke`: a handful of students and grades, and an existing build of the current sources when there is one. */
export const SMOKE = flag("smoke");
export const DIST_DIR = arg("dist", ".next-bench");
export const PORT = Number(arg("port", "3401"));
export const BASELINE_PORT = Number(arg("baseline-port", "3402"));
export const STUDENTS = Number(arg("students", "50", "3"));
export const GRADES = Number(arg("grades", "40", "3"));
export const WARMUP = Number(arg("warmup", "5", "1"));
/** Grades measured by the in-process breakdown. */
export const BREAKDOWN_GRADES = Number(arg("breakdown-grades", "200", "10"));
export const DECK = arg("deck", "everything");
export const SEED = Number(arg("seed", "1"));

export const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
export const log = (s: string) => console.log(`bench-review: ${s}`);
