"use client";

// The one file allowed to import next/link (eslint.config.mjs): everything else links through this component.
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import { type ComponentProps, type FocusEvent, type PointerEvent, type TouchEvent, useRef } from "react";

type Props = Omit<ComponentProps<typeof NextLink>, "prefetch">;

/**
 * next/link that prefetches on intent only. Next's <Link> prefetches every visible link as soon as the page loads
 * (about 20 requests on a cold load of a list page), which competes with the page's own data call; this one asks
 * the router to prefetch its route once, when the pointer enters it, it gets focus or a finger touches it.
 */
export function Link({ href, onPointerEnter, onFocus, onTouchStart, ...rest }: Props) {
  const router = useRouter();
  const prefetched = useRef(false);
  const prefetch = () => {
    if (prefetched.current || typeof href !== "string") return;
    prefetched.current = true;
    router.prefetch(href);
  };
  return (
    <NextLink
      {...rest}
      href={href}
      prefetch={false}
      onPointerEnter={(event: PointerEvent<HTMLAnchorElement>) => {
        prefetch();
        onPointerEnter?.(event);
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        prefetch();
        onFocus?.(event);
      }}
      onTouchStart={(event: TouchEvent<HTMLAnchorElement>) => {
        prefetch();
        onTouchStart?.(event);
      }}
    />
  );
}
