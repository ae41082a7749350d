// The production server's entry point (copied to .next/standalone/server.js by scripts/finish-standalone.ts; Next's
// own entry becomes next-server.js). It records each request's TCP peer address in `x-console-peer`, overwriting
// any value a client sent, because Next.js keeps a client's own X-Forwarded-For and drops the socket's address:
// server/security/client-address.ts reads the peer from here and trusts X-Forwarded-For only from TRUSTED_PROXIES.
"use strict";
const http = require("node:http");

// Headers past Node's limit (16 KiB: a 100 KB query string) end in a "clientError" that Node answers by closing
// the connection; the browser or script then sees a reset. Answer in words instead.
const TOO_LARGE = JSON.stringify({
  error: {
    code: "request_too_large",
    message: "The request's address and headers are too large (the console accepts at most 16 KiB): shorten the URL.",
  },
});

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, ...args) {
  const request = args[0];
  if (event === "request" && request && request.headers) {
    request.headers["x-console-peer"] = (request.socket && request.socket.remoteAddress) || "";
  }
  if (event === "clientError") {
    const [error, socket] = args;
    if (error && error.code === "HPE_HEADER_OVERFLOW" && socket && socket.writable) {
      socket.end(
        "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: application/json\r\n" +
          `Content-Length: ${Buffer.byteLength(TOO_LARGE)}\r\nConnection: close\r\n\r\n${TOO_LARGE}`,
      );
      return true;
    }
  }
  return emit.call(this, event, ...args);
};

require("./next-server.js");
