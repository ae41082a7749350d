/**
 * The big bench's brokers share the machine with the console (3 JVMs, the console and Chromium on 2 CPUs here);
 * a deployment's brokers have machines of their own. While the brokers answer a 50,000-partition read they keep both
 * CPUs busy, and the kernel then leaves the console's main thread waiting for a CPU for 100 ms and more at a time:
 * a stall of its event loop that no code of the console causes. Lowering the brokers' CPU priority (nice 19) gives
 * the console a CPU when it has work, as on a machine of its own, while the brokers still use every idle cycle.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { setPriority } from "node:os";
import { type ClusterSpec, runningPid } from "../kafka/cluster";

export const BROKER_NICE = 19;

/**
 * Sets the nice value of every thread of the cluster's broker processes, and of their scheduling autogroup (Linux
 * with autogroups shares the CPU between sessions first, so a thread's own nice counts only inside its session).
 * Returns what could be set, in words, or null when nothing could.
 */
export function setBrokerPriority(spec: ClusterSpec, nice: number): string | null {
  let threads = 0;
  let groups = 0;
  for (const node of spec.nodes) {
    const pid = runningPid(spec, node);
    if (pid === undefined) continue;
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        try {
          setPriority(Number(tid), nice);
          threads += 1;
        } catch {
          // A thread that ended meanwhile, or a nice value this user may not set back.
        }
      }
    } catch {
      // No /proc: not Linux.
    }
    try {
      writeFileSync(`/proc/${pid}/autogroup`, String(nice));
      groups += 1;
    } catch {
      // No autogroups (or not allowed): the threads' own nice values are what counts then.
    }
  }
  if (threads === 0 && groups === 0) return null;
  return `nice ${nice} on ${threads} broker threads${groups > 0 ? ` and ${groups} autogroups` : ""}`;
}
