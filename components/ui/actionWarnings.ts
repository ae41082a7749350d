/**
 * Warnings of changes that were made (ActionResult's `warning`: the audit log could not record one), kept for the
 * browser tab until dismissed. They outlive the form that made the change on purpose: most forms close their dialog
 * or leave the page as soon as the change is done. Shown by ActionWarning, in the console's frame.
 */
export interface ShownWarning {
  /** The warning as the server said it. */
  text: string;
  /** How many changes came back with this same warning since it was last dismissed. */
  count: number;
}

const NONE: readonly ShownWarning[] = [];
let shown: readonly ShownWarning[] = NONE;
const listeners = new Set<() => void>();

function publish(next: readonly ShownWarning[]) {
  shown = next;
  for (const listener of listeners) listener();
}

/** Says the warning of a change that was made; the same warning again counts one more change. */
export function reportActionWarning(text: string): void {
  const same = shown.find((warning) => warning.text === text);
  publish(
    same
      ? shown.map((warning) => (warning === same ? { text, count: warning.count + 1 } : warning))
      : [...shown, { text, count: 1 }],
  );
}

export function dismissActionWarning(text: string): void {
  publish(shown.filter((warning) => warning.text !== text));
}

export function subscribeActionWarnings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function actionWarnings(): readonly ShownWarning[] {
  return shown;
}

/** The server renders none: warnings only come from changes made in this tab. */
export function noActionWarnings(): readonly ShownWarning[] {
  return NONE;
}
