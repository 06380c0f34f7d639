import { z } from "zod";
import { factTags } from "@/lib/content/schema";
import { InvalidGenerateOptions } from "./invalid-generate-options";
import { QUESTION_TYPES } from "./question";

/** More than any corpus here could yield; a larger count is a caller's mistake, not a request. */
export const MAX_COUNT = 10_000;

const seedSchema = z.union([z.number().int().refine(Number.isSafeInteger, "seed must be a safe integer"), z.string().min(1).max(200)]);

export const generateOptionsSchema = z
  .object({
    seed: seedSchema,
    /** Omitted: the whole bank. */
    count: z.number().int().min(1).max(MAX_COUNT).optional(),
    types: z.array(z.enum(QUESTION_TYPES)).min(1).optional(),
    factFilter: z
      .object({
        factIds: z.array(z.string()).optional(),
        tags: z.array(z.enum(factTags)).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type GenerateOptions = z.input<typeof generateOptionsSchema>;

export const assembleOptionsSchema = z
  .object({
    seed: seedSchema,
    count: z.number().int().min(1).max(MAX_COUNT),
    types: z.array(z.enum(QUESTION_TYPES)).min(1).optional(),
    factIds: z.array(z.string()).optional(),
    /** Facts a teacher hid from the class: no question about any of them (lib/classes `withoutHidden`). */
    hiddenFactIds: z.array(z.string()).optional(),
  })
  .strict();
export type AssembleOptions = z.input<typeof assembleOptionsSchema>;

/** zod parse that throws `InvalidGenerateOptions` with one readable line per issue. */
export function parseOptions<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new InvalidGenerateOptions(r.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`));
}
