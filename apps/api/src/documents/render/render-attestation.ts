import type { DocumentContext } from './document-context.js';
import { renderTemplate } from './render-template.js';

/** An attestation that the CNDH follows the defender: the template's text only (it reveals the identity, nothing of the case). */
export function renderAttestation(context: DocumentContext): Promise<Uint8Array> {
  return renderTemplate(context, {});
}
