/**
 * Runs in the browser before the app's own code (Next.js's client instrumentation).
 *
 * Zod compiles object schemas into functions with `new Function` where eval is allowed, and finds out whether it is
 * by trying once. The Content-Security-Policy (proxy.ts) allows no eval, so that try is refused and reported as a
 * policy violation on every page; jitless skips the try and the compiling (the forms' schemas are small).
 */
import { z } from "zod";

z.config({ jitless: true });
