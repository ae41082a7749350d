/**
 * A process's established TCP connections to the given ports, by socket inode, read from /proc: how the tests and
 * the benchmarks see which broker connections exist, with no help from the code under test. The process's fds name
 * its socket inodes; /proc/<pid>/net/tcp and tcp6 give each socket's remote port and state.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

export function establishedSockets(pid: number | "self", ports: Iterable<number>): Set<string> {
  const mine = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match?.[1]) mine.add(match[1]);
    } catch {
      // The descriptor closed while listing.
    }
  }
  const wanted = new Set([...ports]);
  const found = new Set<string>();
  for (const table of ["tcp", "tcp6"]) {
    let lines: string[];
    try {
      lines = readFileSync(`/proc/${pid}/net/${table}`, "utf8").split("\n").slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      const remotePort = parseInt(cols[2]?.split(":")[1] ?? "", 16);
      const inode = cols[9];
      // State 01: ESTABLISHED.
      if (cols[3] === "01" && inode && wanted.has(remotePort) && mine.has(inode)) found.add(inode);
    }
  }
  return found;
}

/**
 * The given sockets of a process as "local port -> remote port", for a failure message to say which broker a left-open
 * connection goes to (and, with the server's logs, which client opened it); a socket closed meanwhile is left out.
 */
export function describeSockets(pid: number | "self", inodes: Iterable<string>): string[] {
  const wanted = new Set(inodes);
  const out: string[] = [];
  for (const table of ["tcp", "tcp6"]) {
    let lines: string[];
    try {
      lines = readFileSync(`/proc/${pid}/net/${table}`, "utf8").split("\n").slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      if (!cols[9] || !wanted.has(cols[9])) continue;
      const port = (address: string | undefined) => parseInt(address?.split(":")[1] ?? "", 16);
      out.push(`socket ${cols[9]}: local port ${port(cols[1])} -> broker port ${port(cols[2])}`);
    }
  }
  return out;
}
