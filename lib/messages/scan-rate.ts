/** The window of the "lately" rate. */
const RATE_WINDOW_MS = 5_000;

/**
 * How fast a search scans: over the last five seconds while it reads, over the whole search once it has ended (the
 * stream's own elapsed time, so a paused search does not count its pause).
 */
export class ScanRate {
  private samples: { t: number; scanned: number }[] = [];

  /** Notes the totals of a progress event. */
  note(elapsedMs: number, scanned: number): void {
    this.samples.push({ t: elapsedMs, scanned });
    while (this.samples.length > 2 && (this.samples[1]?.t ?? 0) <= elapsedMs - RATE_WINDOW_MS) this.samples.shift();
  }

  clear(): void {
    this.samples = [];
  }

  /** Records scanned per second, or null while there is under a second to tell from. */
  perSecond(active: boolean, elapsedMs: number, scanned: number): number | null {
    if (!active) return elapsedMs >= 1_000 ? (scanned * 1_000) / elapsedMs : null;
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.t - first.t < 1_000) return null;
    return ((last.scanned - first.scanned) * 1_000) / (last.t - first.t);
  }
}
