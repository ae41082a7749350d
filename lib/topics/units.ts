/** Units a person reads, for the topic forms, converted to and from Kafka's (ms, bytes). Pure. */

export const TIME_UNITS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
export type TimeUnit = keyof typeof TIME_UNITS;

export const SIZE_UNITS = { MB: 1_000_000, GB: 1_000_000_000, TB: 1_000_000_000_000 } as const;
export type SizeUnit = keyof typeof SIZE_UNITS;

/** A form's amount + unit in Kafka's unit; "" stays undefined (not set), "unlimited" is -1, NaN marks bad input. */
export function toKafkaAmount(amount: string, unitFactor: number, unlimited = false): number | undefined {
  if (unlimited) return -1;
  const text = amount.trim();
  if (text === "") return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return Number.NaN;
  return Math.round(value * unitFactor);
}

/** The largest unit that shows a Kafka amount as a whole number, for prefilling a form. */
export function fromKafkaAmount<U extends string>(
  value: number,
  units: Record<U, number>,
): { amount: string; unit: U } | undefined {
  const entries = (Object.entries(units) as [U, number][]).sort((a, b) => b[1] - a[1]);
  for (const [unit, factor] of entries) if (value % factor === 0) return { amount: String(value / factor), unit };
  const smallest = entries[entries.length - 1];
  return smallest ? { amount: String(value / smallest[1]), unit: smallest[0] } : undefined;
}
