/**
 * The size limit of one form submission (one server action call), shared by next.config.ts (the server's limit)
 * and the forms (which check before sending, so a form that is too large gets a sentence, not a failed request).
 *
 * 4 MiB holds the largest produce form in any script: a value of 1,000,000 characters is at most 3 MB as UTF-8
 * (lib/messages/produce.ts), with room for a key and headers; every other form is a few kilobytes. A form with all of
 * produce's maximums at once (100 headers of 20,000 characters each besides) is refused before it is sent.
 */
export const ACTION_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * The server's limit (serverActions.bodySizeLimit): the forms' limit plus room for React's encoding beyond plain
 * JSON (a `$` before strings that start with one), so whatever the form's own check lets through is accepted.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = ACTION_BODY_LIMIT_BYTES + 64 * 1024;

/** The bytes an action call's arguments take on the wire: React sends plain values as JSON, in UTF-8. */
export function encodedSize(args: readonly unknown[]): number {
  return new TextEncoder().encode(JSON.stringify(args)).length;
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1_048_576).toLocaleString("en-US", { maximumFractionDigits: 1 })} MiB`;
}

/** The form's message when what it would send is over the limit. */
export function tooLargeMessage(bytes: number): string {
  return (
    `This form is ${mebibytes(bytes)} to send; the console accepts at most ` +
    (`${mebibytes(ACTION_BODY_LIMIT_BYTES)} at a time. Nothing was sent: shorten what you entered (a message's ` +
      `value, key or headers) and send it again.`)
  );
}
