import { z } from "@/lib/zod";

/** The sign-in form, checked by the form and by the server action alike. */
export const signInSchema = z.object({
  username: z.string().trim().min(1, "Enter your user name.").max(64, "A user name has at most 64 characters."),
  password: z.string().min(1, "Enter your password.").max(1024, "A password has at most 1,024 characters."),
  next: z.string().max(2048).optional(),
});
export type SignInInput = z.input<typeof signInSchema>;

/** Who is signed in, as the sidebar shows it. */
export interface ShellUser {
  name: string;
  /** The role on the current cluster ("viewer", "viewer+messages", "operator", "admin"), or null without access. */
  role: string | null;
}
