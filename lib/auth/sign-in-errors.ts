/**
 * Why a single sign-on came back to the login page, as a code in its URL (`/login?error=...`): the page shows fixed
 * words for each, so a crafted link cannot put text of its own on the login page.
 */
export const SIGN_IN_ERRORS = {
  expired: "That sign-in took too long or was started in another browser. Start it again.",
  refused: "The sign-in provider refused the sign-in, or its answer did not check out. Start it again.",
  unavailable: "The sign-in provider did not answer. Try again in a moment, or ask your administrator.",
  disabled: "Single sign-on is not enabled on this console.",
  "no-access": "You are signed in, but no cluster is granted to you. Ask your administrator for a role.",
} as const;
export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

export function signInErrorText(code: string | null | undefined): string | null {
  if (!code) return null;
  return Object.hasOwn(SIGN_IN_ERRORS, code) ? SIGN_IN_ERRORS[code as SignInErrorCode] : null;
}
