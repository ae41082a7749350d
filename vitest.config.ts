import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { INTEGRATION_AUDIT_FILE } from "./scripts/test-support/audit-files";
import { TEST_CONSOLE_ENV } from "./scripts/test-support/test-cluster";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@/": root,
      "server-only": fileURLToPath(new URL("./scripts/test-support/empty-module.ts", import.meta.url)),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        // Unit: any *.test.ts that needs no server; integration: *.int.test.ts, against the real test cluster.
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**", ".next/**", ".cache/**", ".data/**", "e2e/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".next/**", ".cache/**", ".data/**"],
          environment: "node",
          env: {
            ...TEST_CONSOLE_ENV,
            AUDIT_LOG_FILE: INTEGRATION_AUDIT_FILE,
            // A lag alert rule for app/api/clusters/[cluster]/alerts/route.int.test.ts's groups only; nothing evaluates
            // it unless a test starts alerting.
            ALERTS_0_NAME: "route-lag",
            ALERTS_0_CLUSTER: "test",
            ALERTS_0_GROUP: "alerts-route-group-*",
            ALERTS_0_LAG: "2",
            ALERTS_CLUSTER: "test",
            ALERTS_TOPIC: "_kafka-console-alerts-int",
            ALERTS_EVALUATE_EVERY: "300ms",
          },
          globalSetup: ["./scripts/test-support/vitest-global-setup.ts"],
          // One real cluster: test files take turns, and some stop and restart a broker.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
