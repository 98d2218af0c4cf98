import { z } from 'zod';

/** The case in a case route's path. */
export const CaseParams = z.object({ id: z.uuid() });

/** What a write to a case's journal answers: the entry's id and its number in the case. */
export const Written = z.object({ id: z.uuid(), seq: z.number().int() });
export type Written = z.infer<typeof Written>;

export const written = (entry: { id: string; seq: number }): Written => ({ id: entry.id, seq: entry.seq });
