import { z } from 'zod';
import { epochMsSchema } from '../domain/epoch';
import { checklistSchema } from './playbook';

/**
 * What the trader writes about one round trip, keyed by its id (rt:<first
 * execution id>, stable while its fills are): Markdown notes, tags by kind
 * (the setup it was, the mistakes made, the emotions felt), a 1–5 rating,
 * the plan and what happened, a planned stop or a risk amount (which make
 * the trip's R), and the playbook it followed with the checklist of which of
 * its rules were met.
 */
export const TAG_KINDS = ['setup', 'mistake', 'emotion', 'other'] as const;
export const tagKindSchema = z.enum(TAG_KINDS);
export type TagKind = z.infer<typeof tagKindSchema>;

export const MAX_NOTES_CHARS = 20_000;
export const MAX_PLAN_CHARS = 5_000;

export const tripTagSchema = z
  .object({
    kind: tagKindSchema,
    tag: z.string().trim().min(1).max(40).regex(/^[^\u0000-\u001f;]+$/, 'a tag has no control characters or ";"'),
  })
  .strict();
export type TripTag = z.infer<typeof tripTagSchema>;

const tagsSchema = z
  .array(tripTagSchema)
  .max(50)
  .transform((tags) => {
    const seen = new Set<string>();
    return tags.filter((t) => {
      const key = `${t.kind}\u0000${t.tag}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

export const tripNotesSchema = z.object({
  tripId: z.string().min(1).max(200),
  notes: z.string().max(MAX_NOTES_CHARS),
  tags: z.array(tripTagSchema),
  rating: z.number().int().min(1).max(5).nullable(),
  /** The plan before the trade. */
  plan: z.string().max(MAX_PLAN_CHARS),
  /** What happened: the review after it. */
  review: z.string().max(MAX_PLAN_CHARS),
  plannedStop: z.number().positive().nullable(),
  riskAmount: z.number().positive().nullable(),
  playbookId: z.string().nullable(),
  checklist: checklistSchema,
  /** Null until the trader first writes something. */
  updatedAt: epochMsSchema.nullable(),
});
export type TripNotes = z.infer<typeof tripNotesSchema>;

/** A change to a trip's notes: only the fields given change; null clears a nullable one. */
export const tripNotesPatchSchema = z
  .object({
    notes: z.string().max(MAX_NOTES_CHARS).optional(),
    tags: tagsSchema.optional(),
    rating: z.number().int().min(1).max(5).nullable().optional(),
    plan: z.string().max(MAX_PLAN_CHARS).optional(),
    review: z.string().max(MAX_PLAN_CHARS).optional(),
    plannedStop: z.number().positive().max(1e12).nullable().optional(),
    riskAmount: z.number().positive().max(1e12).nullable().optional(),
    playbookId: z.string().min(1).max(64).nullable().optional(),
    checklist: checklistSchema.max(100).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.plannedStop != null && p.riskAmount != null) ctx.addIssue({ code: 'custom', path: ['riskAmount'], message: 'give a planned stop or a risk amount, not both' });
  });
export type TripNotesPatch = z.output<typeof tripNotesPatchSchema>;

/** The notes of a trip nobody wrote about yet. */
export function emptyNotes(tripId: string): TripNotes {
  return { tripId, notes: '', tags: [], rating: null, plan: '', review: '', plannedStop: null, riskAmount: null, playbookId: null, checklist: [], updatedAt: null };
}

/** The setup a trip counts under: its playbook's name, else its first setup tag, else the signal that opened it. */
export function setupOf(notes: Pick<TripNotes, 'tags'> | undefined, playbookName: string | null, orderSetup: string | null): string | null {
  return playbookName ?? notes?.tags.find((t) => t.kind === 'setup')?.tag ?? orderSetup;
}
