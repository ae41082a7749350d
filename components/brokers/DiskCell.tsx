import type { BrokerInfo } from "@/lib/api/types";
import { type DiskTone, diskUsage } from "@/lib/cluster/disk";
import { cx } from "@/lib/cx";

const BAR: Record<DiskTone, string> = {
  ok: "bg-emerald-500 dark:bg-emerald-400",
  warning: "bg-amber-500 dark:bg-amber-400",
  danger: "bg-red-600 dark:bg-red-400",
};

const PERCENT: Record<DiskTone, string> = {
  ok: "text-muted",
  warning: "font-medium text-amber-800 dark:text-amber-200",
  danger: "font-medium text-red-700 dark:text-red-300",
};

/**
 * The Kafka data on a broker ("340 GB"), the size of its disk ("of 1.2 TB") and a bar of how full that disk is,
 * exposed as a meter with its percentage in words. A dash when the broker reported nothing (offline).
 */
export function DiskCell({ broker }: { broker: BrokerInfo }) {
  const usage = diskUsage(broker);
  if (usage === null) {
    return (
      <span className="text-muted" title={broker.online ? "The broker did not report its log dirs" : "Offline"}>
        —
      </span>
    );
  }

  return (
    <div className="flex flex-col items-end gap-1" title={usage.description}>
      <span>
        {usage.used}
        {usage.total !== null ? <span className="text-muted"> of {usage.total}</span> : null}
      </span>
      {usage.percent !== null && usage.percentText !== null ? (
        <span className="flex items-center gap-2">
          <span
            role="meter"
            aria-label={`Broker ${broker.id} disk`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(usage.percent)}
            aria-valuetext={usage.description}
            className="block h-1.5 w-16 overflow-hidden rounded-full bg-sunken ring-1 ring-line"
          >
            <span className={cx("block h-full rounded-full", BAR[usage.tone])} style={{ width: `${usage.percent}%` }} />
          </span>
          <span aria-hidden="true" className={cx("text-xs", PERCENT[usage.tone])}>
            {usage.percentText} full
          </span>
        </span>
      ) : null}
    </div>
  );
}
