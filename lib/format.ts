/**
 * Number, size and time formatting for the UI. Pure and locale-independent (always "en" style: "." decimal
 * point, "," thousands separator) so the server render and the browser render produce the same text.
 * Values that are not finite numbers render as an em dash.
 */

const DASH = "—";

/** Rounds to one decimal below 100 and to an integer above, then drops a trailing ".0". */
function compact(value: number): string {
  const rounded = Math.abs(value) < 100 ? Math.round(value * 10) / 10 : Math.round(value);
  return String(rounded);
}

/**
 * Scales `value` by `base` through `units` (units[0] is the unscaled unit) and formats it compactly. When
 * rounding reaches the base (999_960 -> "1000k"), the value moves up one unit ("1M").
 */
function scaled(value: number, base: number, units: readonly string[], separator: string): string {
  const sign = value < 0 ? "-" : "";
  let magnitude = Math.abs(value);
  let unit = 0;
  while (magnitude >= base && unit < units.length - 1) {
    magnitude /= base;
    unit += 1;
  }
  let text = compact(magnitude);
  if (Number(text) >= base && unit < units.length - 1) {
    magnitude /= base;
    unit += 1;
    text = compact(magnitude);
  }
  return `${sign}${text}${separator}${units[unit] ?? ""}`;
}

/**
 * Bytes in decimal SI units (1 KB = 1000 B, 1 MB = 1000 KB), as Kafka's own tools and most broker dashboards
 * report sizes: 1536 -> "1.5 KB", 1.2e9 -> "1.2 GB".
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return DASH;
  if (Math.abs(bytes) < 1000) return `${Math.round(bytes)} B`;
  return scaled(bytes, 1000, ["B", "KB", "MB", "GB", "TB", "PB", "EB"], " ");
}

/** Short counts: 999 -> "999", 3400 -> "3.4k", 1_200_000 -> "1.2M". Fractions below 1000 keep one decimal. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return DASH;
  if (Math.abs(count) < 1000) {
    const text = String(Math.round(count * 10) / 10);
    return text === "1000" || text === "-1000" ? `${count < 0 ? "-" : ""}1k` : text;
  }
  return scaled(count, 1000, ["", "k", "M", "B", "T"], "");
}

/** A rate per second: 3400 -> "3.4k msg/s". */
export function formatRate(perSecond: number, unit = "msg/s"): string {
  if (!Number.isFinite(perSecond)) return DASH;
  return `${formatCount(perSecond)} ${unit}`;
}

/** Groups the digits of an integer string in threes: "1234567" -> "1,234,567". */
function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A whole number with thousands separators: 12345 -> "12,345". Fractions are rounded. */
export function formatInteger(value: number): string {
  if (!Number.isFinite(value)) return DASH;
  const rounded = Math.round(value);
  const sign = rounded < 0 ? "-" : "";
  return sign + groupDigits(String(Math.abs(rounded)));
}

/** A count with its noun: (1, "record") -> "1 record", (1200, "record") -> "1,200 records". */
export function formatQuantity(count: number, one: string, many = `${one}s`): string {
  return `${formatInteger(count)} ${count === 1 ? one : many}`;
}

/**
 * A Kafka offset (a 64-bit integer sent as a decimal string) with thousands separators, computed with BigInt
 * so offsets above 2^53 keep every digit: "9223372036854775807" -> "9,223,372,036,854,775,807".
 * Kafka uses -1 for "no offset"; it is shown as "-1". Anything that is not an integer renders as a dash.
 */
export function formatOffset(offset: string): string {
  const trimmed = offset.trim();
  if (!/^[-+]?\d+$/.test(trimmed)) return DASH;
  const value = BigInt(trimmed);
  const sign = value < 0n ? "-" : "";
  return sign + groupDigits((value < 0n ? -value : value).toString());
}

const DURATION_UNITS = [
  { label: "d", ms: 86_400_000 },
  { label: "h", ms: 3_600_000 },
  { label: "min", ms: 60_000 },
  { label: "s", ms: 1_000 },
] as const;

/**
 * A duration in words for lag and age, with its two largest adjacent units: 12_000 -> "12 s",
 * 90_000 -> "1 min 30 s", 26 h -> "1 d 2 h". Below one second it shows milliseconds ("450 ms").
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return DASH;
  const sign = ms < 0 ? "-" : "";
  const abs = Math.abs(ms);
  if (abs === 0) return "0 s";
  if (abs < 1000) return `${sign}${Math.round(abs)} ms`;
  let rest = Math.floor(abs / 1000) * 1000;
  const index = DURATION_UNITS.findIndex((unit) => rest >= unit.ms);
  const parts: string[] = [];
  for (const unit of DURATION_UNITS.slice(index, index + 2)) {
    const amount = Math.floor(rest / unit.ms);
    rest -= amount * unit.ms;
    if (amount > 0) parts.push(`${amount} ${unit.label}`);
  }
  return sign + parts.join(" ");
}

/** A latency: "0.4 ms", "3.2 ms", "120 ms", "1.2 s"; a minute or more is shown as a duration. */
export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms)) return DASH;
  const abs = Math.abs(ms);
  if (abs < 10) return `${Math.round(ms * 10) / 10} ms`;
  if (abs < 1000) {
    const rounded = Math.round(ms);
    return Math.abs(rounded) < 1000 ? `${rounded} ms` : `${rounded < 0 ? "-" : ""}1 s`;
  }
  const seconds = Math.round(ms / 100) / 10;
  return Math.abs(seconds) < 60 ? `${seconds} s` : formatDuration(Math.round(ms / 1000) * 1000);
}
