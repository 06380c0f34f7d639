import type { Metadata } from "next";
import Link from "next/link";
import { formatJoinCode } from "@/lib/classes/join-code";
import { joinQrPath } from "@/lib/classes/join-qr";
import { authBaseURL } from "@/lib/auth/auth-server";
import { classOr404 } from "@/app/(teach)/teach/load";
import { CopyLink } from "./copy-link";

export const metadata: Metadata = { title: "Join code" };

/**
 * The class's join code to show on a projector: the code in large type, the
 * link with "Copy link", and a QR code of the link (drawn as SVG on the
 * server, lib/classes `joinQrPath`) that a phone camera opens.
 */
export default async function JoinCodePage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { klass } = await classOr404(classId, (id) => `/teach/classes/${id}/join`);
  const link = `${authBaseURL()}/join/${klass.joinCode}`;
  const qr = joinQrPath(link);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <p className="text-sm">
        <Link href={`/teach/classes/${klass.id}`} title={klass.name} className="block truncate text-accent underline underline-offset-4">
          ← {klass.name}
        </Link>
      </p>
      <h1 className="text-2xl font-bold [overflow-wrap:anywhere]">Join {klass.name}</h1>
      {klass.archivedAt ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">This class is archived: its join code no longer works.</p>
      ) : (
        <div className="space-y-5 text-center">
          <p className="text-lg">Scan the code with a phone camera, or go to the link and sign in.</p>
          <svg
            role="img"
            aria-label={`QR code of the join link ${link}`}
            data-testid="join-qr"
            viewBox={`0 0 ${qr.size} ${qr.size}`}
            shapeRendering="crispEdges"
            className="mx-auto block aspect-square w-full max-w-[min(28rem,80vh)] bg-white"
          >
            <rect width={qr.size} height={qr.size} fill="#fff" />
            <path d={qr.d} fill="#000" />
          </svg>
          <p className="font-mono text-4xl font-bold tracking-widest sm:text-6xl" data-testid="join-code">
            {formatJoinCode(klass.joinCode)}
          </p>
          <p id="join-link-text" className="break-all font-mono text-base sm:text-lg" data-testid="join-link">
            {link}
          </p>
          <CopyLink link={link} targetId="join-link-text" />
        </div>
      )}
    </div>
  );
}
