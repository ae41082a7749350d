import { Sparkline } from "@/components/ui/Sparkline";
import type { TopicResponse } from "@/lib/api/types";
import { formatBytes, formatRate } from "@/lib/format";

/** How fast the topic is written: messages/s and bytes/s now, the last hour as a chart, and how it is measured. */
export function TopicThroughput({ topic }: { topic: TopicResponse }) {
  const rate = topic.throughput;
  return (
    <section aria-labelledby="throughput-heading" className="mt-4 rounded-lg border border-line bg-surface p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <h2 id="throughput-heading" className="text-sm font-semibold">
          Throughput
        </h2>
        {rate ? (
          <p className="text-sm tabular-nums" data-testid="topic-rate">
            <span className="font-semibold">{formatRate(rate.messagesPerSec)}</span>
            {rate.bytesPerSec === null ? null : (
              <span className="text-muted"> · {formatBytes(rate.bytesPerSec)}/s</span>
            )}
          </p>
        ) : (
          <p className="text-sm text-muted">Measuring… the rate shows after two samples, about 10 s.</p>
        )}
      </div>
      {rate && rate.trend.some((v) => v !== null) ? (
        <Sparkline
          values={rate.trend}
          label={`Messages per second over the last hour; now ${formatRate(rate.messagesPerSec)}`}
          width={600}
          height={60}
          className="mt-3 h-16 w-full"
        />
      ) : null}
      <p className="mt-2 text-xs text-muted">
        Last hour, oldest left. {rate?.method ?? "From the high watermarks sampled every 10 s while someone looks."}
      </p>
    </section>
  );
}
