/**
 * After `next build`: the standalone server does not include the static assets or public/, so copy them in
 * (as Next's docs describe) and record which sources this build came from.
 */
import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { recordBuild, ROOT } from "./build-info";

const standalone = join(ROOT, ".next", "standalone");
cpSync(join(ROOT, ".next", "static"), join(standalone, ".next", "static"), { recursive: true });
if (existsSync(join(ROOT, "public"))) cpSync(join(ROOT, "public"), join(standalone, "public"), { recursive: true });
recordBuild();
console.log("Standalone build ready: .next/standalone/server.js");
