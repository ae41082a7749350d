/** Fixtures of the browser tests on the test cluster (topics made and removed with a plain kafkajs client). */
import { createFixtureTopic, withFixtureAdmin as withAdmin } from "../../scripts/test-support/fixtures";

export {
  commitGroupOffsets,
  createFixtureTopic,
  committedOffsets,
  fixtureKafka,
  groupIds,
  produceTo,
  startConsumer,
  uniqueName,
  withFixtureAdmin as withAdmin,
} from "../../scripts/test-support/fixtures";

export async function createTopic(name: string, partitions = 3, replicationFactor = 3): Promise<void> {
  await createFixtureTopic({ topic: name, numPartitions: partitions, replicationFactor });
}

export async function deleteTopicIfPresent(name: string): Promise<void> {
  await withAdmin(async (admin) => {
    if ((await admin.listTopics()).includes(name)) await admin.deleteTopics({ topics: [name] });
  });
}

export async function topicNames(): Promise<string[]> {
  return withAdmin((admin) => admin.listTopics());
}
