import "server-only";
import type { ApiSpec } from "@/server/kafka/protocol/bridge";

/**
 * The cluster's finalized features (KIP-584), metadata.version among them: what Kafka's Admin describeFeatures and
 * `kafka-features.sh describe` read. There is no DescribeFeatures request: the features travel in the tagged fields
 * of the ApiVersions answer (v3+), which kafkajs 2.2.4 asks in v2 and so never sees. Layout from Kafka's
 * ApiVersionsRequest/Response.json.
 */

// ------------------------------------------------------------------------------------------- ApiVersions (18)
export interface FeatureRange {
  name: string;
  minVersion: number;
  maxVersion: number;
}

export interface ApiVersionsAnswer {
  errorCode: number;
  apiKeys: { apiKey: number; minVersion: number; maxVersion: number }[];
  /** What this broker's software can speak, per feature. */
  supportedFeatures: FeatureRange[];
  /** The epoch of the finalized features; -1 when the broker does not know them (then `finalizedFeatures` is empty). */
  finalizedFeaturesEpoch: bigint;
  /** The levels finalized for the whole cluster (min and max are equal on KRaft clusters). */
  finalizedFeatures: FeatureRange[];
}

/** How the console names itself in ApiVersions v3+ (Kafka accepts letters, digits, dots and dashes). */
const SOFTWARE_NAME = "kafka-console";
const SOFTWARE_VERSION = "0.1.0";

export const ApiVersions: ApiSpec<null, ApiVersionsAnswer> = {
  apiKey: 18,
  name: "ApiVersions",
  versions: [3, 4],
  flexibleFrom: 3,
  plainResponseHeader: true,
  encode(w) {
    w.compactString(SOFTWARE_NAME).compactString(SOFTWARE_VERSION).tags();
  },
  decode(r) {
    const errorCode = r.int16();
    const apiKeys = r.compactArray(() => {
      const key = { apiKey: r.int16(), minVersion: r.int16(), maxVersion: r.int16() };
      r.tags();
      return key;
    });
    r.int32(); // throttle time
    const answer: ApiVersionsAnswer = {
      errorCode,
      apiKeys,
      supportedFeatures: [],
      finalizedFeaturesEpoch: -1n,
      finalizedFeatures: [],
    };
    r.taggedFields((tag) => {
      if (tag === 0) {
        answer.supportedFeatures = r.compactArray(() => {
          const f = { name: r.compactString() ?? "", minVersion: r.int16(), maxVersion: r.int16() };
          r.tags();
          return f;
        });
      } else if (tag === 1) {
        answer.finalizedFeaturesEpoch = r.int64();
      } else if (tag === 2) {
        answer.finalizedFeatures = r.compactArray(() => {
          const name = r.compactString() ?? "";
          const maxVersion = r.int16();
          const minVersion = r.int16();
          r.tags();
          return { name, minVersion, maxVersion };
        });
      } else return false;
      return true;
    });
    return answer;
  },
};
