import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isAlive, recordedPid, stopPid } from "./processes";

describe("isAlive", () => {
  it("counts a zombie (exited, not reaped) as dead, though kill(pid, 0) still succeeds", async () => {
    // The background `sleep 0.3` outlives the shell's exec, so its parent is then `sleep 5`, which never reaps
    // it: when it exits it stays a zombie.
    const parent = spawn("sh", ["-c", "sleep 0.3 & echo $!; exec sleep 5"], { stdio: ["ignore", "pipe", "ignore"] });
    const pid = await new Promise<number>((resolve) =>
      parent.stdout.once("data", (d: Buffer) => resolve(Number(d.toString().trim()))),
    );
    try {
      await expect.poll(() => isAlive(pid), { timeout: 5_000 }).toBe(false);
      expect(() => process.kill(pid, 0)).not.toThrow(); // the zombie is still in the process table
      expect(isAlive(parent.pid ?? -1)).toBe(true);
    } finally {
      parent.kill("SIGKILL");
    }
  });
});

describe("recordedPid and stopPid", () => {
  it("names a running process only when its command line holds the marker, and stops it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jvm-processes-"));
    // A process whose command line names the folder, as the Java servers' name their data folders.
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30_000)", dir], { stdio: "ignore" });
    const pidFile = join(dir, "x.pid");
    writeFileSync(pidFile, `${child.pid ?? -1}\n`);
    try {
      // Its command line is the new program's once the exec is through, a moment after spawn returns.
      await expect.poll(() => recordedPid(pidFile, dir), { timeout: 5_000 }).toBe(child.pid);
      // Another folder's pid file pointing here (a reused pid) is not this process.
      expect(recordedPid(pidFile, join(dir, "other"))).toBeUndefined();
      expect(recordedPid(join(dir, "missing.pid"), dir)).toBeUndefined();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      expect(await stopPid(child.pid ?? -1, 5_000)).toBe(true);
      await exited;
      expect(recordedPid(pidFile, dir)).toBeUndefined();
    } finally {
      child.kill("SIGKILL");
    }
  });
});
