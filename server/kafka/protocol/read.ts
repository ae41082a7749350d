import "server-only";
import { type ProtocolBroker, send } from "@/server/kafka/protocol/bridge";
import { KafkaErrorCode, KafkaProtocolError } from "@/server/kafka/protocol/errors";
import { Fetch, type FetchedPartition, type FetchRequest, type FetchResponse } from "@/server/kafka/protocol/fetch";
import { type FetchSize } from "@/server/kafka/protocol/fetch-size";
import { type DecodedRecordSet, decodeRecordSet } from "@/server/kafka/protocol/records";

/**
 * The steps every reader of records shares (the message stream, the audit topic, the lag-in-time probe): one Fetch to
 * a partition's leader, and one partition's answer decoded under the FetchSize policy. The loops around them stay with
 * their readers, because they differ in what matters: the stream fetches many partitions per leader with long polls,
 * follows moving leaders and waits for a slow browser; the audit topic reads one bounded range and gives up on the
 * first error; the lag probe needs only the batch headers at thousands of offsets, so it never decodes or grows.
 */

/** Sends one Fetch (no consumer group, nothing committed); a request-level error is thrown, partition errors kept. */
export async function fetchRecords(broker: ProtocolBroker, request: FetchRequest): Promise<FetchResponse> {
  const response = await send(broker, Fetch, request);
  if (response.errorCode !== KafkaErrorCode.NONE) throw new KafkaProtocolError(response.errorCode);
  return response;
}

/** One partition's part of a Fetch answer, if the broker sent it. */
export function fetchedPartition(
  response: FetchResponse,
  topic: string,
  partition: number,
): FetchedPartition | undefined {
  return response.topics.find((t) => t.name === topic)?.partitions.find((p) => p.partition === partition);
}

/**
 * Decodes the records of one partition's answer from offset `from`, and tells `size` how it went: `truncated` (only
 * part of a batch came: it asks for more next time, or throws past its cap), else `read` (it ramps up). null when the
 * answer held no records at all, which leaves the size as it was.
 */
export function takeRecords(fetched: FetchedPartition, from: bigint, size: FetchSize): DecodedRecordSet | null {
  if (fetched.records === null || fetched.records.length === 0) return null;
  const set = decodeRecordSet(fetched.records, from, fetched.abortedTransactions);
  if (set.truncated) size.truncated();
  else size.read();
  return set;
}
