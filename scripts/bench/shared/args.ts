/**
 * Command-line options of the benchmarks: `--name value` pairs and bare
 * flags. `--smoke` picks each benchmark's tiny sizes (CI runs it so a schema
 * change cannot silently break a benchmark); an explicit `--name` still wins.
 */

/** Whether `--name` is on the command line. */
export function flag(name: string, argv: readonly string[] = process.argv): boolean {
  return argv.includes(`--${name}`);
}

/**
 * The value after `--name`, else `smokeFallback` under `--smoke` (when given),
 * else `fallback`.
 */
export function arg(name: string, fallback: string, smokeFallback?: string, argv: readonly string[] = process.argv): string {
  const i = argv.indexOf(`--${name}`);
  const given = i >= 0 ? argv[i + 1] : undefined;
  if (given !== undefined) return given;
  return smokeFallback !== undefined && flag("smoke", argv) ? smokeFallback : fallback;
}
