/**
 * zod for code the browser may run: import `z` from here, not from "zod" (a lint rule says so).
 *
 * Zod compiles object schemas into functions with `new Function` where eval is allowed, and finds out whether it is
 * by trying once. The browser's Content-Security-Policy (proxy.ts) allows no eval, so that try would be refused and
 * reported as a policy violation; jitless skips the try and the compiling (the forms' schemas are small). Set here,
 * where every browser-side schema gets zod, rather than in instrumentation-client.ts, which is in every page: there
 * it put all of zod (~26 KB gzip) into pages that have no schema. The server keeps zod's compiled parsers.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

// Re-exported as zod exports it (not `export { z }` of the imported binding), so the bundler still drops the parts
// of zod nobody uses.
export * from "zod";
