import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";
import { AccountMenu } from "./_components/account-menu";
import { ServiceWorker } from "./_components/service-worker";
import { currentViewer } from "./_lib/viewer";

export const metadata: Metadata = {
  title: { default: "Factdeck", template: "%s · Factdeck" },
  description: "Quizzes and flashcards from documented facts, each one cited to the sentence it came from.",
  // An inline icon: without one every browser asks for /favicon.ico and logs a 404.
  manifest: "/manifest.webmanifest",
  appleWebApp: { capable: true, title: "Factdeck", statusBarStyle: "default" },
  icons: {
    apple: "/icons/apple-touch-icon.png",
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%231d4ed8'/%3E%3Cpath d='M10 7h13v4h-8.5v4H21v4h-6.5v6H10z' fill='white'/%3E%3C/svg%3E",
  },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d4ed8" };

const nav = [
  { href: "/", label: "Home" },
  { href: "/sources", label: "Sources" },
  { href: "/facts", label: "Timeline" },
];

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const viewer = await currentViewer();
  const links = viewer
    ? [
        { href: "/dashboard", label: "Dashboard" },
        ...(viewer.role === "teacher" ? [{ href: "/teach", label: "Teach" }] : []),
        { href: "/quizzes", label: "Quizzes" },
        { href: "/progress", label: "Progress" },
        ...nav.slice(1),
        { href: "/settings", label: "Settings" },
      ]
    : nav;
  return (
    <html lang="en">
      <body className="min-h-dvh flex flex-col font-sans antialiased">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="border-b border-stone-200 bg-white">
          <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="text-xl font-bold tracking-tight text-ink no-underline">
              Factdeck
            </Link>
            {/* Name and account on the first row at every width; the nav takes its own row, so the
                signed-in name never dangles on a line of its own. DOM order = visual order. */}
            <AccountMenu viewer={viewer} />
            <nav aria-label="Main" className="w-full">
              <ul className="-mx-1 flex flex-wrap gap-x-4 gap-y-1 text-base">
                {links.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} className="rounded px-1 py-2 text-stone-700 underline-offset-4 hover:underline">
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-stone-200 bg-white">
          <div className="mx-auto max-w-4xl px-4 py-4 text-sm text-muted">
            Every card and question cites the sentence it came from. Claims made by one party are asked as that party&apos;s claims.
          </div>
        </footer>
        <ServiceWorker />
      </body>
    </html>
  );
}
