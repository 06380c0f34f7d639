import fs from "node:fs";
import path from "node:path";

/**
 * Runs `fn` (a `next build`) and puts tsconfig.json back as it was: `next
 * build` adds a custom dist dir's types (`.next-e2e-<port>`, `.next-bench`)
 * to its include, which would leave the checkout modified and change the
 * build-inputs hash `npm start` compares.
 */
export function keepingTsconfig<T>(root: string, fn: () => T): T {
  const tsconfig = path.join(root, "tsconfig.json");
  const before = fs.readFileSync(tsconfig, "utf8");
  try {
    return fn();
  } finally {
    if (fs.readFileSync(tsconfig, "utf8") !== before) fs.writeFileSync(tsconfig, before);
  }
}
