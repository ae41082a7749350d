import { respond } from "@/server/http";
import { checkAllClusters } from "@/server/kafka/health";

export function GET(): Promise<Response> {
  return respond(() => checkAllClusters());
}
