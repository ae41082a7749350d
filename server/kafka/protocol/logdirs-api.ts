import "server-only";
import { type ApiSpec, OWN_TURN_BYTES } from "@/server/kafka/protocol/bridge";
import type { Reader, Writer } from "@/server/kafka/protocol/codec";

// ----------------------------------------------------------------------------------------- DescribeLogDirs (35)
export interface LogDirTopic {
  name: string;
  partitions: { partition: number; sizeBytes: bigint; isFuture: boolean }[];
}

export interface LogDir {
  errorCode: number;
  path: string;
  topics: LogDirTopic[];
  /** Capacity of the volume holding the log dir (v4+), null when the broker does not say. */
  totalBytes: bigint | null;
  usableBytes: bigint | null;
}

/** The partitions to describe, topic by topic; null = every partition on the broker. */
export type LogDirsRequest = { name: string; partitions: number[] }[] | null;

/**
 * An answer read piece by piece: each `next(partitions)` reads about that many partitions (whole topics) and gives
 * them as pieces of their log dirs, in order; a dir's capacity is on its last piece (null on the others), and []
 * says the answer is read.
 */
export interface LogDirsCursor {
  next(partitions: number): LogDir[];
}

function encode(w: Writer, v: number, topics: LogDirsRequest): void {
  if (v >= 2)
    w.compactArray(topics, (w, t) => {
      w.compactString(t.name).compactArray(t.partitions, (w, p) => w.int32(p));
      w.tags();
    }).tags();
  else w.array(topics, (w, t) => w.string(t.name).array(t.partitions, (w, p) => w.int32(p)));
}

const flexibleIn = (v: number) => v >= 2;
const count = (r: Reader, v: number) => Math.max(0, flexibleIn(v) ? r.uvarint() - 1 : r.int32());
const text = (r: Reader, v: number) => (flexibleIn(v) ? r.compactString() : r.string()) ?? "";

function readTopic(r: Reader, v: number): LogDirTopic {
  const name = text(r, v);
  const partitions: LogDirTopic["partitions"] = [];
  for (let n = count(r, v); n > 0; n--) {
    const p = { partition: r.int32(), sizeBytes: r.int64(), isFuture: false };
    r.int64(); // offset lag
    p.isFuture = r.bool();
    if (flexibleIn(v)) r.tags();
    partitions.push(p);
  }
  if (flexibleIn(v)) r.tags();
  return { name, partitions };
}

/** A dir's fields before its topics; its topic count. */
function readDirStart(r: Reader, v: number): { dir: LogDir; topics: number } {
  const errorCode = r.int16();
  const path = text(r, v);
  return { dir: { errorCode, path, topics: [], totalBytes: null, usableBytes: null }, topics: count(r, v) };
}

/** A dir's fields after its topics: the volume's capacity (v4+). */
function readDirEnd(r: Reader, v: number, dir: LogDir): void {
  if (v >= 4) {
    const total = r.int64();
    const usable = r.int64();
    dir.totalBytes = total >= 0n ? total : null;
    dir.usableBytes = usable >= 0n ? usable : null;
  }
  if (flexibleIn(v)) r.tags();
}

/** The number of dirs, after the throttle time and (v3+) the top-level error code. */
function readDirCount(r: Reader, v: number): number {
  r.int32();
  if (v >= 3) r.int16();
  return count(r, v);
}

const SPEC = { apiKey: 35, name: "DescribeLogDirs", versions: [1, 4], flexibleFrom: 2, encode } as const;

/** Small answers (one broker, a few topics): decoded whole. */
export const DescribeLogDirs: ApiSpec<LogDirsRequest, LogDir[]> = {
  ...SPEC,
  versions: [...SPEC.versions],
  ownTurnFromBytes: OWN_TURN_BYTES,
  encodeInOwnTurn: true,
  decode(r, v) {
    const dirs: LogDir[] = [];
    for (let n = readDirCount(r, v); n > 0; n--) {
      const { dir, topics } = readDirStart(r, v);
      for (let t = topics; t > 0; t--) dir.topics.push(readTopic(r, v));
      readDirEnd(r, v, dir);
      dirs.push(dir);
    }
    return dirs;
  },
};

/**
 * A broker's whole answer (17,000 partitions on a 50,000-partition cluster: tens of ms to decode), left undecoded
 * for the caller to read in slices with turns of the event loop between them (drainInSlices). One request for
 * everything costs the broker a third of what the same replicas asked about in requests of 4,000 do: each request
 * is a pass over all of its logs.
 */
export const DescribeLogDirsInSlices: ApiSpec<LogDirsRequest, LogDirsCursor> = {
  ...SPEC,
  versions: [...SPEC.versions],
  decode(r, v) {
    let dirsLeft = readDirCount(r, v);
    let open: { dir: LogDir; topics: number } | null = null;
    return {
      next(partitions) {
        const out: LogDir[] = [];
        let budget = partitions;
        // The dir read last time goes on in a piece of its own.
        if (open) {
          open = { dir: { ...open.dir, topics: [], totalBytes: null, usableBytes: null }, topics: open.topics };
          out.push(open.dir);
        }
        while (budget > 0) {
          if (!open) {
            if (dirsLeft === 0) break;
            dirsLeft -= 1;
            open = readDirStart(r, v);
            out.push(open.dir);
          } else if (open.topics > 0) {
            const topic = readTopic(r, v);
            open.topics -= 1;
            open.dir.topics.push(topic);
            budget -= Math.max(1, topic.partitions.length);
          } else {
            readDirEnd(r, v, open.dir);
            open = null;
          }
        }
        return out;
      },
    };
  },
};

/** The pieces of a LogDirsCursor as one answer: each dir's topics put together, with its capacity. */
export function joinLogDirPieces(pieces: readonly LogDir[]): LogDir[] {
  const byPath = new Map<string, LogDir>();
  for (const piece of pieces) {
    const known = byPath.get(piece.path);
    if (!known) {
      byPath.set(piece.path, { ...piece, topics: [...piece.topics] });
      continue;
    }
    for (const topic of piece.topics) known.topics.push(topic);
    known.totalBytes ??= piece.totalBytes;
    known.usableBytes ??= piece.usableBytes;
  }
  return [...byPath.values()];
}
