import { defaultQuizFeedback } from "@/lib/data/quiz-attempts";
import { currentViewer } from "../../_lib/viewer";
import { StartQuizFields } from "./start-quiz-fields";

/**
 * "Start a quiz" for one deck (placed on the deck page). The feedback mode
 * starts at the student's setting (StudySettings.quizFeedback).
 */
export async function StartQuizForm({ deckId }: { deckId: string }) {
  const viewer = await currentViewer();
  const feedback = viewer ? await defaultQuizFeedback(viewer.id) : "immediate";
  return <StartQuizFields deckId={deckId} defaultFeedback={feedback} />;
}
