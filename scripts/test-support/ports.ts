/**
 * The test suite's ports, shifted by TEST_PORT_OFFSET (default 0) so that two checkouts on one machine can run
 * their suites at once without meeting: the test cluster, the browser tests' consoles and their OpenID provider.
 */
function offset(): number {
  const raw = process.env.TEST_PORT_OFFSET ?? "0";
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 30_000) {
    throw new Error(`TEST_PORT_OFFSET must be a whole number from 0 to 30000, not "${raw}".`);
  }
  return value;
}

export const TEST_PORT_OFFSET = offset();

/** A test port: its default plus the offset. */
export function testPort(base: number): number {
  return base + TEST_PORT_OFFSET;
}
