import { Written } from '@mnpddh/shared';
import { z } from 'zod';

export { Written };

/** The case in a case route's path. */
export const CaseParams = z.object({ id: z.uuid() });

export const written = (entry: { id: string; seq: number }): Written => ({ id: entry.id, seq: entry.seq });
