import { z } from 'zod';
import type { RoundTrip } from './round-trips';
import { tradeStats, type TradeStats } from './trade-stats';

/**
 * A playbook: a setup with its rules, and for each trip linked to it the
 * checklist of which rules were met. "Did I follow my plan, and did it pay?"
 * is the comparison of the trips that met every rule with those that did not.
 */
export const playbookSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().trim().min(1).max(120),
    rules: z
      .array(z.object({ id: z.string().min(1), text: z.string().trim().min(1).max(500) }).strict())
      .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be distinct'),
  })
  .strict();
export type Playbook = z.infer<typeof playbookSchema>;

export const checklistSchema = z.array(z.object({ ruleId: z.string().min(1), met: z.boolean() }).strict());
export type Checklist = z.infer<typeof checklistSchema>;

/**
 * The share of the playbook's rules the checklist marks met (0..1): a rule
 * missing from the checklist counts as not met, an entry for a rule the
 * playbook no longer has is ignored; null for a playbook without rules.
 */
export function rulesMetRatio(playbook: Playbook, checklist: Checklist): number | null {
  if (playbook.rules.length === 0) return null;
  const met = new Set(checklist.filter((c) => c.met).map((c) => c.ruleId));
  return playbook.rules.filter((r) => met.has(r.id)).length / playbook.rules.length;
}

/** Every rule met (a playbook without rules is trivially followed). */
export function metAllRules(playbook: Playbook, checklist: Checklist): boolean {
  const ratio = rulesMetRatio(playbook, checklist);
  return ratio === null || ratio === 1;
}

export interface PlaybookComparison {
  /** Trips with a checklist that met every rule. */
  readonly followed: TradeStats;
  /** Trips with a checklist that missed at least one rule. */
  readonly broken: TradeStats;
  /** Trips of the playbook without a checklist (not counted above). */
  readonly unchecked: number;
}

/**
 * Statistics of the playbook's trips (the caller passes the trips linked to
 * it) that met all its rules against those that did not.
 */
export function comparePlaybook(playbook: Playbook, trips: readonly RoundTrip[], checklistOf: (trip: RoundTrip) => Checklist | undefined): PlaybookComparison {
  const followed: RoundTrip[] = [];
  const broken: RoundTrip[] = [];
  let unchecked = 0;
  for (const t of trips) {
    const checklist = checklistOf(t);
    if (checklist === undefined) unchecked++;
    else if (metAllRules(playbook, checklist)) followed.push(t);
    else broken.push(t);
  }
  return { followed: tradeStats(followed), broken: tradeStats(broken), unchecked };
}
