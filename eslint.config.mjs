import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

/**
 * Lint: Next's recommended rules (React, hooks, accessibility, TypeScript) and the layering of the code as a
 * rule — app → components → lib → db. `lib/` never imports UI, components never import pages, and neither
 * pages nor components reach the database: they call `lib/<module>`.
 */
const boundaries = {
  "import/no-restricted-paths": [
    "error",
    {
      zones: [
        {
          target: "./lib",
          from: ["./app", "./components"],
          message: "lib/ does not import UI: move the code into lib/.",
        },
        { target: "./components", from: "./app", message: "Components do not import pages or route handlers." },
        {
          target: ["./app", "./components"],
          from: ["./lib/db", "./lib/generated/prisma/client.ts"],
          message: "Pages and components do no data work: call a function of lib/<module> instead of Prisma.",
        },
      ],
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTypeScript,
  prettier,
  {
    rules: {
      ...boundaries,
      // `_name` marks a value taken apart only to leave it out (`const { id: _id, ...rest } = row`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Scripts, benchmarks and Playwright fixtures have no React: `useDatabase` and Playwright's `use` are not hooks.
    files: ["scripts/**", "bench/**", "e2e/**", "tests/**", "lib/**/*.test.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    ignores: ["node_modules/**", ".next*/**", "data/**", "lib/generated/**", "next-env.d.ts", "bench/results/**"],
  },
];

export default config;
