import { Badge, type Tone } from "@/components/ui/Badge";
import type { ConnectorState } from "@/lib/api/connect";

const TONES: Record<ConnectorState, Tone> = {
  RUNNING: "success",
  PAUSED: "warning",
  STOPPED: "neutral",
  FAILED: "danger",
  UNASSIGNED: "warning",
  RESTARTING: "info",
};

/** A connector's or task's state in Connect's own word; the colour only supports it. */
export function StateBadge({ state }: { state: ConnectorState }) {
  return <Badge tone={TONES[state]}>{state}</Badge>;
}
