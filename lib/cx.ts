/** Joins class names, skipping false, null and undefined: cx("a", on && "b") -> "a b" or "a". */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
