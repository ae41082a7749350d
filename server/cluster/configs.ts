import "server-only";
import { type ClusterHandle } from "@/server/kafka/clients";
import {
  brokerOrController,
  DescribeConfigs,
  type DescribeConfigsRequest,
  type DescribedResource,
  KafkaErrorCode,
  KafkaProtocolError,
  send,
} from "@/server/kafka/protocol";

/**
 * DescribeConfigs of some resources, with the console's own codec (see protocol/config-apis.ts for why not kafkajs).
 * A broker's own configs are read from that broker (`nodeId`: it answers for itself only); topics from any broker.
 * A resource the broker refuses (unknown topic, no permission) fails the read with the broker's words.
 */
export async function describeConfigs(
  cluster: ClusterHandle,
  resources: DescribeConfigsRequest["resources"],
  nodeId?: number,
): Promise<DescribedResource[]> {
  const described = await cluster.protocol(async (c) =>
    send(await brokerOrController(c, nodeId), DescribeConfigs, {
      resources,
    }),
  );
  const refused = described.find((r) => r.errorCode !== KafkaErrorCode.NONE);
  if (refused) throw new KafkaProtocolError(refused.errorCode, refused.errorMessage);
  return described;
}
