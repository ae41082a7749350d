// The production server's entry point (copied to .next/standalone/server.js by scripts/finish-standalone.ts; Next's
// own entry becomes next-server.js). It records each request's TCP peer address in `x-console-peer`, overwriting
// any value a client sent, because Next.js keeps a client's own X-Forwarded-For and drops the socket's address:
// server/security/client-address.ts reads the peer from here and trusts X-Forwarded-For only from TRUSTED_PROXIES.
"use strict";
const http = require("node:http");

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, ...args) {
  const request = args[0];
  if (event === "request" && request && request.headers) {
    request.headers["x-console-peer"] = (request.socket && request.socket.remoteAddress) || "";
  }
  return emit.call(this, event, ...args);
};

require("./next-server.js");
