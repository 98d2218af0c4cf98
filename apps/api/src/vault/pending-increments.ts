import { z } from 'zod';
import { INTAKE_DIMENSIONS, intakeCounters, type CounterKey, type IntakeTally } from './stat-counters.js';

/*
 * A counter increment waiting for its batch, as sealed in stat_pending: the
 * case it comes from (so a batch can count how many cases it mixes; never
 * stored in the clear) and either an intake's codes or a few case-work
 * counters.
 */

const Code = z.string().min(1).max(64);
const Period = z.string().regex(/^\d{4}-\d{2}$/);

const CounterKeySchema = z.object({
  period: Period,
  dimension1: Code,
  value1: Code,
  dimension2: z.string().max(64),
  value2: z.string().max(64),
  // Negative: a retraction (junk requests left out of the statistics), or details added later moving a
  // case's counts from its old categories to its new ones; applied in a batch like any increment.
  amount: z
    .number()
    .int()
    .min(-100)
    .max(100)
    .refine((value) => value !== 0)
    .optional(),
});

const IntakeTallySchema = z.object({
  period: Period,
  values: z.object(
    Object.fromEntries(INTAKE_DIMENSIONS.map((dimension) => [dimension, z.array(Code).max(40)])) as Record<
      (typeof INTAKE_DIMENSIONS)[number],
      z.ZodArray<typeof Code>
    >,
  ),
  people: z.number().int().min(1).max(100),
});

export const PendingIncrement = z.union([
  z.object({ caseId: z.uuid(), intake: IntakeTallySchema }),
  z.object({ caseId: z.uuid(), counters: z.array(CounterKeySchema).min(1).max(40) }),
]);
export type PendingIncrement = { caseId: string; intake: IntakeTally } | { caseId: string; counters: CounterKey[] };

/** The counters an increment adds once applied. */
export function countersOf(increment: PendingIncrement): CounterKey[] {
  return 'intake' in increment ? intakeCounters(increment.intake) : increment.counters;
}
