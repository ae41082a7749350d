import "server-only";
import { ProtocolDecodeError } from "@/server/kafka/protocol/codec";

/** The two ways a compressed record batch is refused: too large once unpacked, or not valid. */
export function tooLarge(codec: string, limit: number): ProtocolDecodeError {
  return new ProtocolDecodeError(
    `A ${codec} record batch unpacks to more than ${Math.floor(limit / 1024 / 1024)} MiB; the console does ` +
      `not read batches that large.`,
  );
}

export function malformed(codec: string, why: string): ProtocolDecodeError {
  return new ProtocolDecodeError(`A ${codec} record batch cannot be decompressed: ${why}.`);
}
