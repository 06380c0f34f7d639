// Flat config assembled from the plugins eslint-config-next uses, minus
// eslint-plugin-import: its TypeScript resolver pulls in unrs-resolver, whose
// per-platform optional packages the registry mirror here lacks, which leaves
// package-lock.json out of step with package.json and breaks `npm ci`.
import nextPlugin from "@next/eslint-plugin-next";
import reactPlugin from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import tseslint from "typescript-eslint";

// ---- House boundaries (docs/ARCHITECTURE.md, "Folders and what each may import") ----
// Flat config replaces a rule's options instead of merging them, so every
// file group below gets the full list of patterns that applies to it.

/** `../../../x`: reach the file through `@/` instead of counting folders. */
const climbing = {
  regex: "^(\\.\\./){3,}",
  message: "Import through `@/…` instead of climbing three or more folders (`../../../`).",
};
/** Prisma, its generated clients and the database client: only lib/data talks to the database. */
const databaseImports = [
  {
    regex: "^@prisma/(client|adapter-[a-z0-9-]+)(/.*)?$",
    message: "Only lib/data (and lib/db.ts) talks to Prisma: call a lib/data function instead.",
  },
  {
    regex: "^(@/lib/|(\\.\\.?/)+(lib/)?)generated(/.*)?$",
    message: "The generated Prisma clients are lib/data's business: call a lib/data function (types: `import type` from lib/data).",
  },
  {
    regex: "^(@/lib/|(\\.\\.?/)+(lib/)?)db$",
    message: "The database client (lib/db) is used only in lib/data and the better-auth adapter (lib/auth/auth-server.ts): call a lib/data function instead.",
  },
];
/** lib/** is framework-free: it runs in scripts, tests and route handlers alike. */
const frameworkImports = [
  {
    regex: "^(next|react|react-dom)(/.*)?$",
    message: "lib/** does not import Next.js or React: read headers, cookies and redirects in app/** and pass plain values in.",
  },
  {
    regex: "^@/app(/.*)?$",
    message: "lib/** never imports from app/**: move the shared piece into lib/.",
  },
];
/** The same patterns for `import("…")`, which no-restricted-imports does not see (esquery wants `/` escaped). */
const dynamicImports = (patterns) =>
  patterns.map((p) => ({ selector: `ImportExpression[source.value=/${p.regex.replaceAll("/", "\\/")}/]`, message: p.message }));
/** Pure folders get `now` and a seed passed in, so their results are reproducible in tests. */
const clockAndRandomness = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Pure folders take `now` as an argument: no Date.now()." },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Pure folders take `now` as an argument: no `new Date()` without arguments." },
  { selector: "CallExpression[callee.type='Identifier'][callee.name='Date']", message: "Pure folders take `now` as an argument: no `Date()`." },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "Pure folders take a seed: use a seeded generator, not Math.random()." },
];
const pureFolders = ["lib/srs", "lib/generate", "lib/quiz", "lib/content", "lib/reports", "lib/classes", "lib/progress", "lib/csv", "lib/time"];
/** The files that may hold the database client. */
const databaseFiles = ["lib/data/**", "lib/db.ts", "lib/auth/auth-server.ts"];
const restrict = (patterns) => ["error", { patterns }];

const boundaries = [
  { files: ["**/*.{ts,tsx,js,jsx,mjs,cjs,mts}"], rules: { "no-restricted-imports": restrict([climbing]) } },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": restrict([climbing, ...databaseImports]),
      "no-restricted-syntax": ["error", ...dynamicImports(databaseImports)],
    },
  },
  {
    files: ["lib/**"],
    ignores: databaseFiles,
    rules: {
      "no-restricted-imports": restrict([climbing, ...databaseImports, ...frameworkImports]),
      "no-restricted-syntax": ["error", ...dynamicImports([...databaseImports, ...frameworkImports])],
    },
  },
  {
    files: databaseFiles,
    rules: {
      "no-restricted-imports": restrict([climbing, ...frameworkImports]),
      "no-restricted-syntax": ["error", ...dynamicImports(frameworkImports)],
    },
  },
  {
    files: pureFolders.map((f) => `${f}/**`),
    rules: {
      "no-restricted-syntax": ["error", ...dynamicImports([...databaseImports, ...frameworkImports]), ...clockAndRandomness],
    },
  },
];

const config = tseslint.config(
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,jsx,mjs,cjs,mts}"],
    plugins: {
      "@next/next": nextPlugin,
      react: reactPlugin,
      "react-hooks": reactHooks,
      "jsx-a11y": jsxA11y,
    },
    settings: { react: { version: "19.3" } },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      ...reactPlugin.configs.recommended.rules,
      ...reactPlugin.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      "react/prop-types": "off",
      // Scrollable tables are role="region" with tabIndex={0} so keyboard users
      // can scroll them (axe: scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"], allowExpressionValues: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...boundaries,
  // Playwright fixtures call `use()`, which is not React's hook.
  { files: ["tests/e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  // Build and config scripts are CommonJS in places.
  { files: ["**/*.js", "**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
);

export default config;
