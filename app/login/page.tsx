import type { Metadata } from "next";
import Image from "next/image";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { safeNextPath } from "@/lib/auth/paths";
import { signInErrorText } from "@/lib/auth/sign-in-errors";
import { signIn } from "@/server/auth/actions";
import { currentActor } from "@/server/auth/current";
import { getConfig } from "@/server/config/load";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = await searchParams;
  const next = safeNextPath(typeof query.next === "string" ? query.next : undefined);
  const { auth } = getConfig();
  if (!auth.enabled) redirect("/");
  const error = signInErrorText(typeof query.error === "string" ? query.error : undefined);
  if (!error && (await currentActor())) redirect(next);

  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-16">
      <Image src="/logo.svg" alt="" width={48} height={48} className="mb-4 size-12" priority />
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Kafka Console</h1>
      <p className="mb-6 mt-2 text-sm text-muted">Your role decides what you may see and change on each cluster.</p>
      <LoginForm
        next={next}
        passwordEnabled={auth.users.length > 0}
        oidcName={auth.oidc?.name ?? null}
        initialError={error}
        signIn={signIn}
      />
    </main>
  );
}
