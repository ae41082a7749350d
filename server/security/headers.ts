// No "server-only" here: next.config.ts reads SECURITY_HEADERS at build time, outside the react-server condition.
/**
 * The console's security headers: one Content-Security-Policy per page request (with that request's nonce), a
 * fixed one for the JSON API, and the headers every response carries. Pure: proxy.ts sets the CSP (it needs a
 * fresh nonce per request) and next.config.ts sets the fixed headers on every path, static files included.
 */

/**
 * The page policy. Scripts run only with this response's nonce (Next.js reads it from the request's CSP header and
 * puts it on its own scripts and React's inline hydration data); 'strict-dynamic' lets those scripts load the
 * code-split chunks they import, and nothing else. No 'unsafe-inline' and, outside `next dev`, no 'unsafe-eval'.
 *
 * Styles: stylesheets from the console and <style> elements with the nonce; no other <style>. Inline style
 * *attributes* are allowed (style-src-attr): React renders `style={{ height }}` on the virtual tables' spacers and
 * the brokers' disk bars into the server HTML, and a blocked attribute is never set again by hydration. An
 * attribute can only style its own element, and React escapes every value it writes there.
 *
 * No upgrade-insecure-requests: the console is usually served over plain http (localhost, an internal host), where
 * it would send every asset request to an https port that is not listening.
 */
export function pagePolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // React's dev tooling rebuilds server stacks with eval; the production build never uses eval.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // next dev injects CSS with <style> elements without a nonce (and a nonce would switch 'unsafe-inline' off).
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    // fetch, EventSource (the message stream) and, in next dev, the HMR websocket: all on the console's own origin.
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return serialize(directives);
}

/**
 * The policy of API responses (JSON and the SSE stream): they are data, so a document made of one may load and run
 * nothing.
 */
export const API_POLICY = serialize([
  ["default-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'none'"],
  ["frame-ancestors", "'none'"],
]);

function serialize(directives: readonly (readonly string[])[]): string {
  return directives.map((d) => d.join(" ")).join("; ");
}

/**
 * A nonce for one response: 128 random bits, base64. Next.js accepts `[A-Za-z0-9+/_-]+={0,2}` as a nonce and
 * ignores anything else, so the alphabet matters.
 */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Headers of every response, pages, API and static files alike.
 * - Referrer-Policy `same-origin`: the console's URLs carry topic names, group ids and message search terms, so no
 *   other site gets them (not even the origin, which names an internal host). Not `no-referrer`: under it a form
 *   posted as a navigation carries `Origin: null` (the Fetch standard), which Next.js and proxy.ts refuse as
 *   cross-site; `same-origin` sends other sites exactly as little and keeps the Origin of the console's own POSTs.
 * - X-Frame-Options for browsers that predate CSP's frame-ancestors.
 * - Cross-Origin-Opener-Policy: a window another site opened cannot reach into the console's, nor the reverse.
 * - Permissions-Policy: the console uses no camera, microphone, location, payment or USB device.
 */
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];
