/**
 * docs/BENCHMARKS.md: each benchmark rewrites its own marked section of it (and the "machine of the last run"
 * block), leaving everything outside the markers as it is.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../build-info";
import { type MachineInfo } from "./machine";
import { log } from "./run";

export const BENCH_DOC = join(ROOT, "docs", "BENCHMARKS.md");

const DOC_INTRO = `# Benchmarks

Speed targets of the console are measured by the benchmark scripts in \`scripts/bench/\`, never by timed tests.
Each script starts a Kafka cluster of its own (three KRaft nodes on 127.0.0.1:39092/39192/39292, data in
\`.data/kafka-bench/\`, apart from the dev and test clusters), loads its data set, serves the production build
of the console against it, and rewrites its own section of this file (between its \`bench:*\` markers) with the
numbers of that run. Comparisons with a baseline are measured as ratios in one run, on one machine, so they
hold up better than absolute times when the machine changes.

## How to run

\`\`\`sh
npm run bench           # every benchmark, one after the other
npm run bench:topics    # the topics list: API and page, 2,000 topics / 20,000 partitions
npm run bench:groups    # the consumer groups list: API and page, 500 groups × 50 partitions
npm run bench:messages  # the message stream: throughput beside kafkajs and kcat, first message, memory (slow client)
npm run bench:pages     # every page: first data row beside its API, HTML, first-load JS per page, idle CPU
npm run bench:scan      # a filtered search's scan rate over the 1M-record topic beside kafkajs and kcat
npm run bench:tail      # the Messages page tailing 10,000 records/s in Chromium: count, long tasks, input, heap
\`\`\`

Options: \`--fresh\` wipes the bench cluster's data and creates the data set again (otherwise a run reuses the
data set of an earlier run); \`--keep\` leaves the bench cluster running at the end, so the next run does not
wait for it to start.
The scripts build the console first when the sources changed, in a copy of the working tree of their own
(\`.data/bench/build\`, never the working tree's \`.next\`, which \`npm start\` and the tests serve), and stop what
they started (console server, browser, bench cluster) at the end, on failure and on Ctrl-C.

## Machine of the last run

<!-- bench:machine:start -->
<!-- bench:machine:end -->
`;

function machineBlock(m: MachineInfo): string {
  return [
    `| | |`,
    `|---|---|`,
    `| date | ${m.date} |`,
    `| CPUs (\`nproc\`) | ${m.cpus} × ${m.cpuModel} |`,
    `| memory | ${m.memoryGb} GB |`,
    `| Apache Kafka | ${m.kafka} (from \`scripts/kafka/pom.xml\`) |`,
    `| Node.js | ${m.node} |`,
    `| console | ${m.commit} |`,
  ].join("\n");
}

function replaceSection(doc: string, name: string, body: string, heading: string): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from >= 0 && to > from) return `${doc.slice(0, from + start.length)}\n${body.trim()}\n${doc.slice(to)}`;
  return `${doc.trimEnd()}\n\n## ${heading}\n\n${start}\n${body.trim()}\n${end}\n`;
}

/**
 * Rewrites the section between `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->` of
 * docs/BENCHMARKS.md (appending it under `## <heading>` if absent), and the "machine of the last run" block.
 * The file is created with its introduction the first time. Everything outside the markers is left as it is.
 */
export function writeBenchSection(name: string, heading: string, body: string, machine: MachineInfo): void {
  mkdirSync(join(ROOT, "docs"), { recursive: true });
  let doc = existsSync(BENCH_DOC) ? readFileSync(BENCH_DOC, "utf8") : DOC_INTRO;
  doc = replaceSection(doc, "machine", machineBlock(machine), "Machine of the last run");
  doc = replaceSection(doc, name, body, heading);
  writeFileSync(BENCH_DOC, doc);
  log(`Wrote the ${heading} section of ${BENCH_DOC}.`);
}

/** The lines of a section's "Seen during this run" list (warnings and errors the run logged), or none. */
export function seenDuringRun(odd: readonly string[]): string[] {
  if (odd.length === 0) return [];
  return [
    "",
    "Seen during this run:",
    "",
    ...[...new Set(odd)].slice(0, 15).map((line) => `- ${line.replace(/\s+/g, " ").slice(0, 300)}`),
  ];
}
