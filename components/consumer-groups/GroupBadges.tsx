import { Badge, type Tone } from "@/components/ui/Badge";
import type { GroupState, LagStatus } from "@/lib/api/types";
import { groupStateWords, LAG_STATUS_WORDS } from "@/lib/groups/display";

/** By Kafka's state name (a string: the topic page passes states through as Kafka reports them). */
const STATE_TONES: Readonly<Record<string, Tone>> = {
  Stable: "success",
  PreparingRebalance: "warning",
  CompletingRebalance: "warning",
  Assigning: "info",
  Reconciling: "info",
  Dead: "danger",
} satisfies Partial<Record<GroupState, Tone>>;

/** A group's state in words ("Preparing rebalance"); Empty and Unknown stay neutral. */
export function GroupStateBadge({ state }: { state: string }) {
  return <Badge tone={STATE_TONES[state] ?? "neutral"}>{groupStateWords(state)}</Badge>;
}

/** Calm colours: green caught up, blue catching up, neutral steady, amber falling behind, red stalled. */
const STATUS_TONES: Record<LagStatus, Tone> = {
  "caught-up": "success",
  "catching-up": "info",
  steady: "neutral",
  "falling-behind": "warning",
  stalled: "danger",
  measuring: "neutral",
};

/** Where the lag is heading, in words; "Measuring" (not enough history yet) is drawn with a dashed border. */
export function LagStatusBadge({ status }: { status: LagStatus }) {
  return (
    <Badge tone={STATUS_TONES[status]} className={status === "measuring" ? "border-dashed" : undefined}>
      {LAG_STATUS_WORDS[status]}
    </Badge>
  );
}
