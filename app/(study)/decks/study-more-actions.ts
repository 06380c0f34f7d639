"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { formFields, parseActionInput } from "@/lib/classes/action-inputs";
import { addMoreNewCards, setReviewAhead } from "@/lib/data/study-more";
import { studyMoreInput } from "@/lib/srs/study-more";
import { isActionForm, MALFORMED_CALL } from "@/lib/security/action-form";
import { errorState, field, type ActionState } from "@/app/_lib/action-state";
import { currentViewer } from "../../_lib/viewer";

/** "Study more" (deck page, "Done for now"): more new cards today, or review ahead; then back to where it was asked. */
export async function studyMoreAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  if (!isActionForm(form)) return { ...MALFORMED_CALL };
  let href: string;
  try {
    const viewer = requireUser(await currentViewer());
    const input = parseActionInput(studyMoreInput, formFields(form, ["kind", "deckId", "from", "amount"]), { asFormMessage: false });
    const now = new Date();
    if (input.kind === "new") await addMoreNewCards({ userId: viewer.id, deckId: input.deckId, amount: input.amount, now });
    else await setReviewAhead({ userId: viewer.id, deckId: input.deckId, days: input.amount, now });
    href = input.from === "review" ? `/review/${input.deckId}` : `/decks/${input.deckId}`;
  } catch (e) {
    return errorState(e, { kind: field(form, "kind"), amount: field(form, "amount") });
  }
  redirect(href);
}

