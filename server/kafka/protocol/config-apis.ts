import "server-only";
import { type ApiSpec, OWN_TURN_BYTES } from "@/server/kafka/protocol/bridge";

/**
 * DescribeConfigs (32), spoken by the console itself: kafkajs' describeConfigs() refreshes its metadata of every
 * topic before each call (one all-topics Metadata answer decoded in one synchronous block: ~0.5 s at 50,000
 * partitions), so reading the list configs of 10,000 topics in ten batches cost ten such refreshes. Layout follows
 * Kafka's DescribeConfigsRequest.json / DescribeConfigsResponse.json; versions 1–4 (4.x brokers refuse 0).
 */

export interface DescribeConfigsRequest {
  resources: { type: number; name: string; configNames: readonly string[] | null }[];
}

export interface DescribedConfig {
  name: string;
  value: string | null;
  readOnly: boolean;
  /** Kafka's ConfigSource id: 1 topic, 2 broker, 3 cluster-wide broker default, 4 static, 5 default, ... */
  source: number;
  sensitive: boolean;
}

export interface DescribedResource {
  errorCode: number;
  errorMessage: string | null;
  type: number;
  name: string;
  configs: DescribedConfig[];
}

export const DescribeConfigs: ApiSpec<DescribeConfigsRequest, DescribedResource[]> = {
  apiKey: 32,
  name: "DescribeConfigs",
  versions: [1, 2, 3, 4],
  flexibleFrom: 4,
  // The lists read a few configs of up to 4,000 topics a request (server/cluster/metadata.ts readListConfigs).
  ownTurnFromBytes: OWN_TURN_BYTES,
  encodeInOwnTurn: true,
  encode(w, v, req) {
    const flexible = v >= 4;
    const str = (s: string) => (flexible ? w.compactString(s) : w.string(s));
    const write = <T>(items: readonly T[] | null, each: (item: T) => void) =>
      flexible ? w.compactArray(items, (_, item) => each(item)) : w.array(items, (_, item) => each(item));
    write(req.resources, (r) => {
      w.int8(r.type);
      str(r.name);
      write(r.configNames, str);
      if (flexible) w.tags();
    });
    w.bool(false); // include_synonyms
    if (v >= 3) w.bool(false); // include_documentation
    if (flexible) w.tags();
  },
  decode(r, v) {
    const flexible = v >= 4;
    const str = () => (flexible ? r.compactString() : r.string());
    const arr = <T>(read: () => T): T[] => (flexible ? r.compactArray(read) : r.array(read));
    r.int32(); // throttle time
    const results = arr(() => {
      const errorCode = r.int16();
      const errorMessage = str();
      const type = r.int8();
      const name = str() ?? "";
      const configs = arr((): DescribedConfig => {
        const config = { name: str() ?? "", value: str(), readOnly: r.bool(), source: r.int8(), sensitive: r.bool() };
        arr(() => {
          // synonyms (not asked for, so none): name, value, source
          str();
          str();
          r.int8();
          if (flexible) r.tags();
        });
        if (v >= 3) {
          r.int8(); // config type
          str(); // documentation (not asked for)
        }
        if (flexible) r.tags();
        return config;
      });
      if (flexible) r.tags();
      return { errorCode, errorMessage, type, name, configs };
    });
    if (flexible) r.tags();
    return results;
  },
};
