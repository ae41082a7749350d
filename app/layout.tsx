import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { parseTheme, THEME_COOKIE, themeClass } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s · Kafka Console", default: "Kafka Console" },
  description: "A web console for Apache Kafka clusters",
  icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
};

/**
 * The document. The `theme` cookie decides the class on <html> here, on the server, so the first paint already
 * has the right colours without an inline script; no class means "follow the system".
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);

  return (
    <html lang="en" className={themeClass(theme)}>
      <body className="font-sans antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
