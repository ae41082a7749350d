import type { LagSample } from "@/lib/api/types";
import { formatCount, formatDuration } from "@/lib/format";
import { lagChartLabel, lagChartPoints } from "@/lib/groups/display";

const WIDTH = 240;
const HEIGHT = 48;

function caption(samples: readonly LagSample[]): string {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return "No history yet";
  if (samples.length === 1) return "One sample so far";
  return `Last ${formatDuration(last.at - first.at)} · highest ${formatCount(Math.max(...samples.map((s) => s.lag)))}`;
}

/**
 * The group's total lag over the history the server keeps (oldest left), as an inline SVG: a line over a faint
 * area, zero at the bottom. Its words (range, start, end, highest) are the image's accessible name.
 */
export function LagChart({ samples }: { samples: readonly LagSample[] }) {
  const points = lagChartPoints(samples, WIDTH, HEIGHT);
  const label = lagChartLabel(samples);
  const line = points.map((p) => `${p.x},${p.y}`).join(" ");
  const first = points[0];
  const last = points.at(-1);
  return (
    <figure className="mt-3">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="h-12 w-full overflow-visible text-accent"
      >
        <title>{label}</title>
        <line
          x1={0}
          y1={HEIGHT}
          x2={WIDTH}
          y2={HEIGHT}
          stroke="currentColor"
          strokeOpacity={0.3}
          vectorEffect="non-scaling-stroke"
        />
        {first && last && points.length > 1 ? (
          <>
            <polygon
              points={`${first.x},${HEIGHT} ${line} ${last.x},${HEIGHT}`}
              fill="currentColor"
              fillOpacity={0.15}
            />
            <polyline
              points={line}
              fill="none"
              stroke="currentColor"
              strokeWidth={1.5}
              strokeLinejoin="round"
              vectorEffect="non-scaling-stroke"
            />
          </>
        ) : null}
        {first && points.length === 1 ? (
          <line
            x1={0}
            y1={first.y}
            x2={WIDTH}
            y2={first.y}
            stroke="currentColor"
            strokeWidth={1.5}
            strokeDasharray="4 4"
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
      </svg>
      <figcaption aria-hidden="true" className="mt-1 text-xs text-muted">
        {caption(samples)}
      </figcaption>
    </figure>
  );
}
