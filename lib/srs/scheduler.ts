import { type FSRS, fsrs, generatorParameters } from "ts-fsrs";
import type { SrsParams } from "./params";

/**
 * The ts-fsrs scheduler for these params: FSRS-6 default weights
 * (`default_w`), short-term (learning) steps enabled, fuzz and maximum
 * interval as given. ts-fsrs seeds fuzz from the review, never from the
 * clock, so the same card, time and params always give the same interval.
 */
export function schedulerFor(params: SrsParams): FSRS {
  return fsrs(
    generatorParameters({
      request_retention: params.desiredRetention,
      maximum_interval: params.maximumInterval,
      enable_fuzz: params.enableFuzz,
      enable_short_term: true,
      learning_steps: [...params.learningSteps],
      relearning_steps: [...params.relearningSteps],
    }),
  );
}
