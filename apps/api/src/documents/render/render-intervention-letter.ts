import type { DocumentContext } from './document-context.js';
import { renderTemplate } from './render-template.js';

/** A letter to the authorities: the template's text only; what it says of the case is the drafter's note, approved by a supervisor. */
export function renderInterventionLetter(context: DocumentContext): Promise<Uint8Array> {
  return renderTemplate(context, {});
}
