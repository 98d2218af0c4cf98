import type { Tristate } from '@mnpddh/shared';
import type { IntakeFirstCatalogue } from '@mnpddh/shared';
import type { Option } from './fields';

const TRISTATE: readonly Tristate[] = ['yes', 'no', 'unknown'];

/** Oui / Non / Je ne sais pas. */
export function tristateOptions(t: IntakeFirstCatalogue): Option<Tristate>[] {
  return TRISTATE.map((value) => ({ value, label: t.labels.tristate[value] }));
}

/** A step's `onChange`: merges a few answers into the draft. */
export type Patch<T> = (patch: Partial<T>) => void;
