/**
 * First-load JavaScript per page (issue 19, target 5), from the build output: Next.js writes, per route, the
 * chunks a first load of it needs (.next/diagnostics/route-bundle-stats.json). Sizes are the chunk files as built
 * (uncompressed) and gzipped here at level 6, what the console's server sends (Next compresses with gzip).
 *
 * Which packages a chunk holds is read from markers: strings each package keeps through minification (error
 * messages, property names). A marker counts only if the server build holds it too (where those packages are
 * bundled), so a marker that stopped matching after an upgrade shows as "unproven" instead of a silent pass.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BUILD_DIR } from "./console-build";

const NEXT_DIR = join(BUILD_DIR, ".next");
const ROUTE_STATS = join(NEXT_DIR, "diagnostics", "route-bundle-stats.json");

interface Marker {
  pkg: string;
  /** Any of these in a chunk marks the package. */
  texts: string[];
  /** Never allowed in the browser (server-side protocol, schema and compression code). */
  serverOnly: boolean;
}

/** Every dependency that could reach the browser, with a string it keeps through minification. */
const MARKERS: Marker[] = [
  { pkg: "react-dom", texts: ["__reactFiber"], serverOnly: false },
  {
    pkg: "next",
    texts: ["__next_f", "x-nextjs-stale-time", "isNextRouterError", "createRenderParamsFromClient", "findSourceMapURL"],
    serverOnly: false,
  },
  { pkg: "console components", texts: ["tabular-nums", "rounded-lg"], serverOnly: false },
  { pkg: "@tanstack/react-query", texts: ["No QueryClient set"], serverOnly: false },
  { pkg: "@tanstack/react-virtual", texts: ["getVirtualItems"], serverOnly: false },
  { pkg: "zod", texts: ["ZodError"], serverOnly: false },
  { pkg: "react-hook-form", texts: ["shouldUnregister"], serverOnly: false },
  { pkg: "kafkajs", texts: ["KafkaJS"], serverOnly: true },
  { pkg: "avsc", texts: ["inapplicable one-way parameter"], serverOnly: true },
  { pkg: "protobufjs", texts: ["invalid wire type"], serverOnly: true },
  { pkg: "ajv", texts: ["schema must be object or boolean"], serverOnly: true },
  { pkg: "yaml", texts: ["YAMLParseError"], serverOnly: true },
  { pkg: "snappyjs", texts: ["Invalid Snappy"], serverOnly: true },
  { pkg: "fzstd", texts: ["invalid zstd"], serverOnly: true },
  { pkg: "prom-client", texts: ["process_cpu_user_seconds_total"], serverOnly: true },
];

export interface Chunk {
  path: string;
  bytes: number;
  gzipBytes: number;
  packages: string[];
}

export interface RouteBundle {
  route: string;
  bytes: number;
  gzipBytes: number;
  chunks: Chunk[];
  /** Chunks not in the floor route's first load: what this page adds. */
  ownChunks: Chunk[];
}

export interface BundleReport {
  floorRoute: string;
  floor: RouteBundle;
  routes: RouteBundle[];
  /** Server-only packages found in a browser chunk, with the routes that load it. */
  leaks: { pkg: string; chunk: string; routes: string[] }[];
  /** Markers found nowhere they should be (server-only: not in the server build; others: in no browser chunk). */
  unproven: string[];
}

const chunkCache = new Map<string, Chunk>();

function chunkOf(path: string): Chunk {
  const cached = chunkCache.get(path);
  if (cached) return cached;
  const body = readFileSync(join(BUILD_DIR, path));
  const text = body.toString("utf8");
  const chunk: Chunk = {
    path: path.replace(/^\.next\/static\/chunks\//, ""),
    bytes: body.byteLength,
    gzipBytes: gzipSync(body, { level: 6 }).byteLength,
    packages: MARKERS.filter((m) => m.texts.some((t) => text.includes(t))).map((m) => m.pkg),
  };
  chunkCache.set(path, chunk);
  return chunk;
}

function jsFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFilesUnder(path);
    return name.endsWith(".js") ? [path] : [];
  });
}

/** Markers of server-only packages that the server build holds somewhere (where kafkajs, avsc, … are bundled). */
function provenMarkers(): Set<string> {
  const pending = new Set(MARKERS.filter((m) => m.serverOnly));
  for (const file of jsFilesUnder(join(NEXT_DIR, "server"))) {
    if (pending.size === 0) break;
    const text = readFileSync(file, "utf8");
    for (const marker of [...pending]) if (marker.texts.some((t) => text.includes(t))) pending.delete(marker);
  }
  return new Set(MARKERS.filter((m) => m.serverOnly && !pending.has(m)).map((m) => m.pkg));
}

/** The first-load JS of `routes` (Next route patterns) and of the floor route, from the benchmarks' build. */
export function measureBundles(routes: readonly string[], floorRoute: string): BundleReport {
  if (!existsSync(ROUTE_STATS))
    throw new Error(`${ROUTE_STATS} is missing: the build no longer writes its route bundle stats.`);
  const all = JSON.parse(readFileSync(ROUTE_STATS, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const byRoute = new Map(all.map((r) => [r.route, r.firstLoadChunkPaths]));
  const bundle = (route: string, floorChunks: ReadonlySet<string>): RouteBundle => {
    const paths = byRoute.get(route);
    if (!paths) throw new Error(`The build has no route ${route} in ${ROUTE_STATS}.`);
    const chunks = paths.map(chunkOf).sort((a, b) => b.bytes - a.bytes);
    return {
      route,
      bytes: chunks.reduce((sum, c) => sum + c.bytes, 0),
      gzipBytes: chunks.reduce((sum, c) => sum + c.gzipBytes, 0),
      chunks,
      ownChunks: chunks.filter((c) => !floorChunks.has(c.path)),
    };
  };
  const floor = bundle(floorRoute, new Set());
  const floorChunks = new Set(floor.chunks.map((c) => c.path));
  const measured = routes.map((r) => bundle(r, floorChunks));

  const proven = provenMarkers();
  const inBrowser = new Set([...byRoute.values()].flatMap((paths) => paths.flatMap((p) => chunkOf(p).packages)));
  const leaks: BundleReport["leaks"] = [];
  for (const marker of MARKERS.filter((m) => m.serverOnly)) {
    const holding = new Map<string, string[]>();
    for (const [route, paths] of byRoute)
      for (const path of paths)
        if (chunkOf(path).packages.includes(marker.pkg))
          holding.set(chunkOf(path).path, [...(holding.get(chunkOf(path).path) ?? []), route]);
    for (const [chunk, inRoutes] of holding) leaks.push({ pkg: marker.pkg, chunk, routes: inRoutes });
  }
  return {
    floorRoute,
    floor,
    routes: measured,
    leaks,
    unproven: MARKERS.filter((m) => !(m.serverOnly ? proven : inBrowser).has(m.pkg)).map(
      (m) => `${m.pkg} (${m.texts.map((t) => `"${t}"`).join(", ")})`,
    ),
  };
}
