/** Serves the production build for the browser tests, building it first if the sources changed. */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildIsCurrent, ROOT, STANDALONE_SERVER } from "../build-info";

if (!buildIsCurrent()) {
  const build = spawnSync("npm", ["run", "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, PORT: undefined },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, [STANDALONE_SERVER], {
  cwd: join(ROOT, ".next", "standalone"),
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
