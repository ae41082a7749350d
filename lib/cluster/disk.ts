/**
 * Disk figures of one broker for the brokers table, pure. "Used" is the size of the partition data in the broker's
 * log dirs; how full the volume is comes from its total and usable (free) bytes, which also count data that is
 * not Kafka's. Without the free space, the Kafka data over the volume size is the best estimate.
 */
import type { BrokerInfo } from "@/lib/api/types";
import { formatBytes } from "@/lib/format";

export type DiskTone = "ok" | "warning" | "danger";

/** From this share of the volume used, the bar turns amber, then red. */
export const DISK_WARNING_PERCENT = 75;
export const DISK_DANGER_PERCENT = 90;

export interface DiskUsage {
  /** Kafka data on the broker, e.g. "340 GB". */
  used: string;
  /** Size of the volumes, e.g. "1.2 TB"; null when the broker does not report it. */
  total: string | null;
  /** Free space on the volumes; null when not reported. */
  free: string | null;
  /** How full the volumes are, 0..100 (not rounded); null without a total. */
  percent: number | null;
  /** `percent` for people: "72%", "<1%", never "100%" unless full. */
  percentText: string | null;
  tone: DiskTone;
  /** One sentence that says it all, for a tooltip or a screen reader. */
  description: string;
}

type DiskFields = Pick<BrokerInfo, "diskUsedBytes" | "diskTotalBytes" | "diskUsableBytes">;

const isSize = (value: number | null): value is number => value !== null && Number.isFinite(value) && value >= 0;

/** Rounds a share for display without claiming "0%" for a little or "100%" for almost full. */
export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return "—";
  if (percent > 0 && percent < 1) return "<1%";
  if (percent > 99 && percent < 100) return "99%";
  return `${Math.round(percent)}%`;
}

export function diskTone(percent: number | null): DiskTone {
  if (percent === null) return "ok";
  if (percent >= DISK_DANGER_PERCENT) return "danger";
  if (percent >= DISK_WARNING_PERCENT) return "warning";
  return "ok";
}

/** How full the volumes are, in percent (clamped to 0..100), or null when their size is unknown. */
export function diskPercent(disk: DiskFields): number | null {
  const total = disk.diskTotalBytes;
  if (!isSize(total) || total === 0) return null;
  const usable = disk.diskUsableBytes;
  const taken = isSize(usable) ? total - usable : disk.diskUsedBytes;
  if (taken === null || !Number.isFinite(taken)) return null;
  return Math.min(100, Math.max(0, (taken / total) * 100));
}

/** The disk cell of a broker, or null when the broker reported no disk figures (offline, or it did not answer). */
export function diskUsage(disk: DiskFields): DiskUsage | null {
  const usedBytes = disk.diskUsedBytes;
  if (!isSize(usedBytes)) return null;
  const used = formatBytes(usedBytes);
  const total = isSize(disk.diskTotalBytes) && disk.diskTotalBytes > 0 ? formatBytes(disk.diskTotalBytes) : null;
  const free = total !== null && isSize(disk.diskUsableBytes) ? formatBytes(disk.diskUsableBytes) : null;
  const percent = total === null ? null : diskPercent(disk);
  const percentText = percent === null ? null : formatPercent(percent);

  let description = `${used} of Kafka data`;
  if (total !== null && percentText !== null) {
    description += `; disk ${percentText} full (${free === null ? total : `${total}, ${free} free`})`;
  }
  return { used, total, free, percent, percentText, tone: diskTone(percent), description };
}
