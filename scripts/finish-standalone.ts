/**
 * After `next build`: the standalone server does not include the static assets or public/, so copy them in
 * (as Next's docs describe); put the console's entry point (standalone-entry.cjs: the socket's peer address for
 * every request) in front of Next's server.js; and record which sources this build came from.
 */
import { copyFileSync, cpSync, existsSync, renameSync } from "node:fs";
import { join } from "node:path";
import { recordBuild, ROOT } from "./build-info";

const standalone = join(ROOT, ".next", "standalone");
cpSync(join(ROOT, ".next", "static"), join(standalone, ".next", "static"), { recursive: true });
if (existsSync(join(ROOT, "public"))) cpSync(join(ROOT, "public"), join(standalone, "public"), { recursive: true });
// `next build` writes a fresh server.js each time, so this always wraps Next's own.
renameSync(join(standalone, "server.js"), join(standalone, "next-server.js"));
copyFileSync(join(ROOT, "scripts", "standalone-entry.cjs"), join(standalone, "server.js"));
recordBuild();
console.log("Standalone build ready: .next/standalone/server.js");
