import type { Draft } from './draft';
import type { FieldErrors } from '../../intake/form/field-errors';

/** What every part of the form receives: the answers so far, a way to change some, and the problems by path. */
export interface SectionProps {
  draft: Draft;
  patch: (changes: Partial<Draft>) => void;
  errors: FieldErrors;
}
