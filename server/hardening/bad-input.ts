import "server-only";
import fc from "fast-check";

/**
 * Generators of input that no field may accept, for the hardening suite: each is invalid for its kind of field by
 * construction (never a valid value by chance), so a test can say "refused, and nothing changed" of every sample.
 */

const RESERVED_CLUSTERS = new Set(["test", "readonly", "secure", "nowhere"]);

/** Anything but a string, a number, null or undefined: the wrong type for every field, nullable or not. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.boolean(),
  // Lists of what no list field holds (numbers or names could be valid partitions or config keys).
  fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxKeys: 3 }),
  fc.constant({ toString: "not a function" }),
  fc.constant(Object.create(null) as unknown),
);

/** Characters Kafka never allows in a topic or cluster name, and Unicode that tricks eyes and parsers. */
const ODD = [
  "\u0000",
  "\u202e",
  "\u200b",
  "\ufeff",
  "💥",
  "é",
  "\ud800",
  " ",
  "/",
  "\\",
  "%",
  "\n",
  "<",
  ">",
  '"',
  "'",
  "`",
  "$",
  "{",
  "*",
];

/** Strings that are never a legal topic name: odd characters, path tricks, or too long. */
export const badName: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...ODD), fc.string({ maxLength: 6 }))
    .map(([a, odd, b]) => `${a}${odd}${b}`),
  fc.constantFrom(
    "",
    ".",
    "..",
    "../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "%2e%2e",
    "/",
    "\\..\\windows",
    "topic/../../x",
    "a\u0000b",
    "<script>alert(1)</script>",
  ),
  fc.integer({ min: 250, max: 5_000 }).map((n) => "t".repeat(n)),
);

/** A name that is not a configured cluster (and may be no name at all). */
export const badCluster: fc.Arbitrary<unknown> = fc.oneof(
  wrongType,
  fc.constantFrom(null, undefined),
  badName,
  fc.string({ maxLength: 20 }).filter((s) => !RESERVED_CLUSTERS.has(s)),
);

/** Never a whole number in a sane range: negative, fractional, not finite, beyond 32 or 64 bits, or not a number. */
export const badCount: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ max: -1 }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    2 ** 31,
    2 ** 53 + 2,
    Number.MAX_VALUE,
    1.5,
    -0.5,
    1e-9,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
  fc.constantFrom("1", "0x10", "1e3", " 2 ", "-1"),
  wrongType,
);

/** Never an offset: negative, fractional, hex, beyond int64, or not a string of digits. */
export const badOffset: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ max: -1 }).map(String),
  fc.constantFrom(
    "",
    " ",
    "1.5",
    "0x10",
    "1e3",
    "9223372036854775808",
    "99999999999999999999999",
    "--1",
    "+-1",
    "٣",
    "１２",
  ),
  fc.integer(),
  wrongType,
);

/** Text far beyond any field's limit (the largest a form takes is a 1,000,000-character value). */
export const hugeText: fc.Arbitrary<string> = fc.constantFrom(
  "x".repeat(1_000_001),
  "é".repeat(600_000),
  "💥".repeat(500_001),
);

/** Input as a whole that is not an object of the expected shape. */
export const badWhole: fc.Arbitrary<unknown> = fc.oneof(wrongType, fc.string({ maxLength: 10 }), fc.integer());

/**
 * A valid input with exactly one field replaced by a bad value from that field's generator, or, for a required
 * field, removed: the rest stays valid, so the refusal must come from that field.
 */
export function corrupt(
  valid: Record<string, unknown>,
  fields: Record<string, fc.Arbitrary<unknown>>,
  required: readonly string[] = Object.keys(fields),
): fc.Arbitrary<Record<string, unknown>> {
  const choices = Object.entries(fields).map(([field, bad]) => {
    const replaced = bad.map((value) => ({ ...valid, [field]: value }));
    if (!required.includes(field)) return replaced;
    return fc.oneof(replaced, fc.constant(Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field))));
  });
  return fc.oneof(...choices);
}

/** A message fit for a person: words, bounded, without a stack trace, a source path or an object dump. */
export function isPlainMessage(message: unknown): boolean {
  return (
    typeof message === "string" &&
    message.trim().length > 0 &&
    message.length <= 1_000 &&
    !/\n\s+at |\.tsx?:\d+|node_modules|\[object Object\]|^Invalid input|received undefined/.test(message)
  );
}
