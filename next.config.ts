import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // One build for everything: `npm start`, the tests and the Docker image all run .next/standalone/server.js.
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  // kafkajs is a Node library: keep it out of the bundle and load it from node_modules at run time.
  serverExternalPackages: ["kafkajs"],
  typedRoutes: false,
};

export default nextConfig;
