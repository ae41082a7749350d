/**
 * Preloaded into the console server by the big-cluster benchmark (NODE_OPTIONS=--require ...): an event-loop delay
 * histogram (perf_hooks.monitorEventLoopDelay, 10 ms resolution). On SIGUSR2 it writes what it saw since the last
 * signal to BENCH_LOOP_FILE (JSON: seq, max, p99, mean in ms; stall: the longest gap a 5 ms timer saw, with the
 * main thread's own CPU time and its wait for a CPU inside it, from /proc) and starts again, so the benchmark
 * brackets one request between two signals.
 *
 * With BENCH_CPU_PROF_DIR it also records a CPU profile of the whole server (node:inspector; Node refuses
 * --cpu-prof in NODE_OPTIONS) and writes it there as a .cpuprofile when the process exits.
 */
const { monitorEventLoopDelay, performance } = require("node:perf_hooks");
const { readFileSync, renameSync, writeFileSync } = require("node:fs");

/**
 * The main thread's time on a CPU and waiting for one (ns), from the kernel's schedstat; null where there is none.
 * Together they split a stall of the loop into the server's own work and time the machine gave to other processes.
 */
function schedstat() {
  try {
    const [run, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ").map(Number);
    return Number.isFinite(run) && Number.isFinite(wait) ? { run, wait } : null;
  } catch {
    return null;
  }
}

const file = process.env.BENCH_LOOP_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // The longest stall since the last signal, seen by a 5 ms timer, with what the main thread did during it.
  let longest = { ms: 0, runMs: null, waitMs: null };
  let lastTick = performance.now();
  let lastSched = schedstat();
  setInterval(() => {
    const now = performance.now();
    const sched = schedstat();
    if (now - lastTick > longest.ms) {
      const own = sched && lastSched;
      longest = {
        ms: now - lastTick,
        runMs: own ? (sched.run - lastSched.run) / 1e6 : null,
        waitMs: own ? (sched.wait - lastSched.wait) / 1e6 : null,
      };
    }
    lastTick = now;
    lastSched = sched;
  }, 5).unref();
  let seq = 0;
  process.on("SIGUSR2", () => {
    seq += 1;
    const ms = (ns) => ns / 1e6;
    const body = {
      seq,
      max: ms(histogram.max),
      p99: ms(histogram.percentile(99)),
      mean: ms(histogram.mean),
      stall: longest,
    };
    histogram.reset();
    longest = { ms: 0, runMs: null, waitMs: null };
    // Written aside then renamed, so the benchmark never reads a half-written file.
    writeFileSync(`${file}.tmp`, JSON.stringify(body));
    renameSync(`${file}.tmp`, file);
  });
}

const profileDir = process.env.BENCH_CPU_PROF_DIR;
if (profileDir) {
  const { Session } = require("node:inspector");
  const { mkdirSync } = require("node:fs");
  const { join } = require("node:path");
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  // A session of the same thread answers synchronously, so the profile is written before the process ends.
  process.on("exit", () => {
    session.post("Profiler.stop", (error, result) => {
      if (error || !result) return;
      mkdirSync(profileDir, { recursive: true });
      const name = `console-${process.pid}-${Date.now()}.cpuprofile`;
      writeFileSync(join(profileDir, name), JSON.stringify(result.profile));
    });
  });
}
