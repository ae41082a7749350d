import "server-only";
import { existsSync } from "node:fs";
import { type FileHandle, mkdir, open } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { type AuditEntry, parseAuditLine } from "@/lib/audit/entry";
import type { AuditConfig } from "@/server/config/audit";

/**
 * The audit log as a JSON-lines file: one entry per line, appended, read back newest first.
 *
 * Appending: each line is written with one write() on a descriptor opened with O_APPEND (flag "a"), so lines from
 * concurrent writers, in this process or in other processes on the same file, never interleave: the kernel moves
 * to the end and writes the whole buffer as one step. Within a process the writes also go one after the other
 * (a queue), so the file keeps the order in which entries were recorded. The file is opened per line, which keeps
 * log rotation (move and recreate) working without a signal.
 *
 * Reading: the file is read backwards from its end in chunks, a line at a time, so the newest entries come first and
 * a large file is never read whole; one request reads at most SCAN_BYTES. Lines that do not parse (a foreign line,
 * a line torn by a crash) are skipped.
 */

const CHUNK_BYTES = 64 * 1024;
/** A longer "line" is not one of ours: it is skipped without holding it in memory. */
const MAX_LINE_BYTES = 1024 * 1024;
/** How much of the file one read looks through before it answers with what it found (and a cursor to go on). */
const SCAN_BYTES = 8 * 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Where a relative AUDIT_LOG_FILE goes: under the project when the console runs from a source checkout, else under
 * the working directory. The standalone server (`npm start`, `npm run serve`) changes into <project>/.next/standalone,
 * which the next build wipes, so there the project directory is used instead; the Docker image runs from /app.
 */
export function resolveAuditFile(path: string, cwd = process.cwd()): string {
  if (isAbsolute(path)) return path;
  const parent = dirname(cwd);
  const project =
    basename(cwd) === "standalone" && basename(parent) === ".next" && existsSync(join(dirname(parent), "package.json"))
      ? dirname(parent)
      : cwd;
  return resolve(project, path);
}

export interface AuditReadPage {
  entries: AuditEntry[];
  nextCursor: string | null;
}

export class AuditFile {
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  /** Appends one entry as one line; resolves once it is written (the folder is created when missing). */
  append(entry: AuditEntry): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(entry)}\n`, "utf8");
    const written = this.queue.then(() => this.write(line));
    this.queue = written.catch(() => undefined);
    return written;
  }

  private async write(line: Buffer): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const handle = await open(this.path, "a", 0o640);
    try {
      let at = 0;
      // One write() for the whole line; a regular file takes it whole (the loop is only for the impossible case).
      while (at < line.length) at += (await handle.write(line, at, line.length - at)).bytesWritten;
    } finally {
      await handle.close();
    }
  }

  /**
   * Up to `limit` entries that `matches` takes, newest first, from the lines that start before byte `before` (the
   * file's end when absent). `nextCursor` is where the oldest line read starts: pass it as `before` to go on.
   */
  async read(matches: (entry: AuditEntry) => boolean, limit: number, before?: bigint): Promise<AuditReadPage> {
    let handle: FileHandle;
    try {
      handle = await open(this.path, "r");
    } catch (error) {
      if (error instanceof Error && "code" in error && error.code === "ENOENT")
        return { entries: [], nextCursor: null };
      throw error;
    }
    try {
      const size = (await handle.stat()).size;
      const end = before === undefined || before > BigInt(size) ? size : Number(before);
      return await readBackwards(handle, end, matches, limit);
    } finally {
      await handle.close();
    }
  }
}

async function readBackwards(
  handle: FileHandle,
  end: number,
  matches: (entry: AuditEntry) => boolean,
  limit: number,
): Promise<AuditReadPage> {
  const entries: AuditEntry[] = [];
  /** The start of the oldest line handled: everything from here on has been read. */
  let cursor = end;
  /** Bytes [bufStart, cursor) read but not yet split into lines. */
  let buf = Buffer.alloc(0);
  let bufStart = end;
  let scanned = 0;
  while (cursor > 0 && entries.length < limit && scanned < SCAN_BYTES) {
    const length = cursor - bufStart;
    // The line ending at the cursor ends with a newline (unless it is a torn last line); its start follows the
    // newline before it, or is the file's start.
    const contentEnd = length > 0 && buf[length - 1] === NEWLINE ? length - 1 : length;
    const newline = contentEnd > 0 ? buf.lastIndexOf(NEWLINE, contentEnd - 1) : -1;
    if (newline === -1 && bufStart > 0) {
      if (length >= MAX_LINE_BYTES) {
        // Not a line of ours: drop what was read of it and go on from its middle (that fragment will not parse).
        scanned += length;
        cursor = bufStart;
        buf = Buffer.alloc(0);
        continue;
      }
      const readStart = Math.max(0, bufStart - CHUNK_BYTES);
      const chunk = Buffer.alloc(bufStart - readStart);
      await handle.read(chunk, 0, chunk.length, readStart);
      buf = Buffer.concat([chunk, buf.subarray(0, length)]);
      bufStart = readStart;
      continue;
    }
    const lineStart = newline + 1;
    const line = buf.subarray(lineStart, contentEnd);
    scanned += length - lineStart;
    cursor = bufStart + lineStart;
    buf = buf.subarray(0, lineStart);
    if (line.length === 0) continue;
    const entry = parseAuditLine(line.toString("utf8"));
    if (entry && matches(entry)) entries.push(entry);
  }
  return { entries, nextCursor: cursor > 0 ? String(cursor) : null };
}

/** Where the audit log goes, in words, for the start-up banner: "file /x/audit.jsonl; topic audit on cluster prod". */
export function describeAuditSinks(config: AuditConfig): string {
  const parts = [
    config.file === null ? null : `file ${resolveAuditFile(config.file)}`,
    config.topic === null
      ? null
      : `topic "${config.topic.name}" on cluster "${config.topic.cluster}" (read by the Audit page)`,
  ];
  return parts.filter((p) => p !== null).join("; ");
}
