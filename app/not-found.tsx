import { Link } from "@/components/ui/Link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-3 text-muted">
        There is nothing at this address. If you followed a link to a cluster, that cluster is not configured in this
        console.
      </p>
      <Link href="/" className="mt-6 inline-block rounded font-medium text-accent underline underline-offset-4">
        Go to the console home
      </Link>
    </main>
  );
}
