import nextVitals from "eslint-config-next/core-web-vitals";
import prettier from "eslint-config-prettier";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

/** Links prefetch on intent only (components/ui/Link.tsx); next/link prefetches every visible link on load. */
const NO_NEXT_LINK = {
  name: "next/link",
  message: "Use Link from @/components/ui/Link: it prefetches on intent, not every visible link on load.",
};

/** Browser-reachable code takes zod configured for the Content-Security-Policy (lib/zod.ts). */
const NO_BARE_ZOD = {
  name: "zod",
  allowTypeImports: true,
  message: 'Import { z } from "@/lib/zod": it sets zod up for the browser\'s Content-Security-Policy (no eval).',
};

/** The wire code has one door (server/kafka/protocol/index.ts). */
const PROTOCOL_DOOR = {
  group: ["@/server/kafka/protocol/*", "**/kafka/protocol/*"],
  message: "Import the Kafka wire code from its door, @/server/kafka/protocol.",
};

/** The layering rule of shared/DESIGN.md for components/ (below). */
const COMPONENTS_SERVER = {
  regex: "^(?:@/|(?:\\.\\./)+)server/(?![\\w-]+/actions$)",
  message:
    'components/ may import only "use server" action modules from server/ ' +
    "(@/server/<feature>/actions), never other server code (DESIGN.md).",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".cache/**",
      ".data/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "react-hooks/exhaustive-deps": "error",
      // Only tells whether React Compiler could optimise a component; the project does not run the compiler,
      // and TanStack Virtual's hook (used on purpose) always trips it.
      "react-hooks/incompatible-library": "off",
    },
  },
  // Formatting is Prettier's (`npm run format`); its check runs in `npm run lint`. Lines stay within 120 characters,
  // comments and strings included (Prettier does not break those).
  prettier,
  {
    rules: { "max-len": ["error", { code: 120, tabWidth: 2, ignoreUrls: true }] },
  },
  {
    // The wire code has one door (server/kafka/protocol/index.ts); nothing outside it reaches the files behind it.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["server/kafka/protocol/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [NO_NEXT_LINK],
          patterns: [PROTOCOL_DOOR],
        },
      ],
    },
  },
  {
    // Pages and their client components live in app/ too: the browser's zod comes from lib/zod.ts.
    files: ["app/**"],
    rules: { "no-restricted-imports": ["error", { paths: [NO_NEXT_LINK, NO_BARE_ZOD], patterns: [PROTOCOL_DOOR] }] },
  },
  {
    // Kafka error codes by name (KafkaErrorCode, server/kafka/protocol/errors.ts), never as bare numbers.
    files: ["server/**/*.ts", "app/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "BinaryExpression[operator=/^[!=]==?$/][right.type='Literal'][right.raw=/^-?\\d+$/]" +
            ":matches([left.name=/^errorCode$/i], [left.property.name=/^errorCode$/i])",
          message:
            "Compare Kafka error codes with KafkaErrorCode.<NAME> (server/kafka/protocol/errors.ts), not numbers.",
        },
      ],
    },
  },
  {
    // CommonJS on purpose: the production server's entry point runs before Next's own CommonJS server.js.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The layering rules of shared/DESIGN.md: the browser side never reaches server code. Components may import a
    // "use server" action module (the browser gets RPC stubs for it), nothing else under server/.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: [NO_NEXT_LINK, NO_BARE_ZOD], patterns: [COMPONENTS_SERVER] }],
    },
  },
  {
    // The intent-prefetching link wraps next/link; it is the one file that may import it.
    files: ["components/ui/Link.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [NO_BARE_ZOD], patterns: [COMPONENTS_SERVER] }] },
  },
  {
    files: ["lib/**"],
    ignores: ["lib/zod.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [NO_NEXT_LINK, NO_BARE_ZOD],
          patterns: [
            {
              group: ["@/server/**", "**/server/**"],
              message: "lib/ is pure and browser-safe: it must not import server/ (see DESIGN.md).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
