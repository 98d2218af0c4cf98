import type { DocumentKind } from '@mnpddh/shared';
import type { DocumentContext } from './document-context.js';
import { renderAttestation } from './render-attestation.js';
import { renderCaseFile } from './render-case-file.js';
import { renderInterventionLetter } from './render-intervention-letter.js';

const RENDERERS: Record<DocumentKind, (context: DocumentContext) => Promise<Uint8Array>> = {
  case_file: renderCaseFile,
  attestation: renderAttestation,
  intervention_letter: renderInterventionLetter,
};

export function renderDocument(context: DocumentContext): Promise<Uint8Array> {
  return RENDERERS[context.document.kind](context);
}
