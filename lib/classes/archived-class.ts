/** What a student sees when they try to change anything in an archived class. */
export const ARCHIVED_CLASS_MESSAGE = "This class is archived. It is read-only: you can no longer leave it or answer its quizzes.";
