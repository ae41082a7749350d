import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/actions/limits";
import { SECURITY_HEADERS } from "./server/security/headers";

const nextConfig: NextConfig = {
  // One build for everything: `npm start`, the tests and the Docker image all run .next/standalone/server.js.
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  // kafkajs is a Node library: keep it out of the bundle and load it from node_modules at run time.
  serverExternalPackages: ["kafkajs"],
  typedRoutes: false,
  experimental: {
    // What one form may send (lib/actions/limits.ts); the forms check the same limit before sending.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    // proxy.ts makes Next.js copy each request body for the proxy, cutting it off silently at this size: keep it
    // above the action limit, so an oversized body still reaches the action's own check whole enough to be refused.
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT_BYTES + 1024 * 1024,
  },
  // The fixed security headers on every response, static files included; proxy.ts adds the Content-Security-Policy
  // (with a nonce per page) and refuses changes from other origins.
  headers: () => Promise.resolve([{ source: "/:path*", headers: [...SECURITY_HEADERS] }]),
};

export default nextConfig;
