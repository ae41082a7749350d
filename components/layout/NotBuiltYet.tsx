import { PageHeader } from "@/components/ui/PageHeader";

/** An honest placeholder for a section whose feature has not been built. */
export function NotBuiltYet({ title, feature }: { title: string; feature: string }) {
  return (
    <PageHeader title={title}>
      <p>Not built yet: this section arrives with the {feature} feature.</p>
    </PageHeader>
  );
}
