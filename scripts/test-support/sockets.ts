/**
 * A process's established TCP connections to the given ports, by socket inode, read from /proc: how the tests and
 * the benchmarks see which broker connections exist, with no help from the code under test. The process's fds name
 * its socket inodes; /proc/<pid>/net/tcp and tcp6 give each socket's ports and state.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

interface TcpSocket {
  inode: string;
  localPort: number;
  remotePort: number;
  /** 01: ESTABLISHED. */
  state: string;
}

/** Every TCP socket in the process's network namespace, from /proc/<pid>/net/tcp and tcp6. */
function tcpSockets(pid: number | "self"): TcpSocket[] {
  const port = (address: string | undefined) => parseInt(address?.split(":")[1] ?? "", 16);
  const out: TcpSocket[] = [];
  for (const table of ["tcp", "tcp6"]) {
    let lines: string[];
    try {
      lines = readFileSync(`/proc/${pid}/net/${table}`, "utf8").split("\n").slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      if (cols[9] && cols[3])
        out.push({ inode: cols[9], localPort: port(cols[1]), remotePort: port(cols[2]), state: cols[3] });
    }
  }
  return out;
}

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
  for (const s of tcpSockets(pid))
    if (s.state === "01" && wanted.has(s.remotePort) && mine.has(s.inode)) found.add(s.inode);
  return found;
}

/**
 * The given sockets of a process as "local port -> remote port", for a failure message to say which broker a left-open
 * connection goes to (and, with the server's logs, which client opened it); a socket closed meanwhile is left out.
 */
export function describeSockets(pid: number | "self", inodes: Iterable<string>): string[] {
  const wanted = new Set(inodes);
  return tcpSockets(pid)
    .filter((s) => wanted.has(s.inode))
    .map((s) => `socket ${s.inode}: local port ${s.localPort} -> broker port ${s.remotePort}`);
}
