/**
 * A small line of values over time (oldest left), zero at the bottom; gaps (null) break the line. Its words are the
 * image's accessible name, so a screen reader hears what the eye sees.
 */
export function Sparkline({
  values,
  label,
  width = 80,
  height = 20,
  className = "h-5 w-20",
}: {
  values: readonly (number | null)[];
  label: string;
  width?: number;
  height?: number;
  className?: string;
}) {
  const highest = Math.max(0, ...values.map((v) => v ?? 0));
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const y = (v: number) => (highest > 0 ? height - (v / highest) * (height - 2) - 1 : height - 1);
  // Runs of consecutive known values, each drawn as its own line.
  const runs: string[] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length > 0) runs.push(run.join(" "));
      run = [];
    } else run.push(`${(i * step).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (run.length > 0) runs.push(run.join(" "));
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      className={`${className} shrink-0 overflow-visible text-accent`}
    >
      <line x1={0} y1={height} x2={width} y2={height} stroke="currentColor" strokeOpacity={0.25} />
      {runs.map((points) =>
        points.includes(" ") ? (
          <polyline
            key={points}
            points={points}
            fill="none"
            stroke="currentColor"
            strokeWidth={1.5}
            strokeLinejoin="round"
            vectorEffect="non-scaling-stroke"
          />
        ) : (
          <circle key={points} cx={points.split(",")[0]} cy={points.split(",")[1]} r={1.5} fill="currentColor" />
        ),
      )}
    </svg>
  );
}
