import type { Metadata } from "next";
import Link from "next/link";
import { pageTeacher } from "@/app/_lib/viewer";
import { ClassForm } from "./class-form";

export const metadata: Metadata = { title: "New class" };

export default async function NewClassPage() {
  await pageTeacher("/teach/classes/new");
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <p className="text-sm">
        <Link href="/teach" className="text-accent underline underline-offset-4">
          ← Teach
        </Link>
      </p>
      <h1 className="text-2xl font-bold">New class</h1>
      <ClassForm />
    </div>
  );
}
