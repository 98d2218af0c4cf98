/*
 * The request form's first screens and the contact rules they follow. Apart
 * from request-draft.ts (which names the privacy notice's version) so the
 * form's first screen loads without the notice.
 */

/** The three short screens before "Envoyer maintenant", and the parts of the `ProtectionRequest` schema each one asks. */
export const REQUEST_FIRST_STEPS = [['summary', 'rightNow'], ['contact'], ['consent']] as const;

export const needsPhone = (methods: readonly string[]) => methods.some((m) => m === 'phone' || m === 'signal' || m === 'whatsapp');
export const reachable = (methods: readonly string[]) => methods.length > 0 && !methods.includes('no_contact');
