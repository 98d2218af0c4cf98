import type { RefObject } from 'react';
import { emptyDetails, type DetailsDraft } from '../details/details-draft';
import { DetailsWizard, type DetailsWizardProps } from '../details/details-wizard';
import { useIntakeT } from '../i18n/catalogues';

/*
 * Everything of the request page after its first screen: the contact and
 * consent screens, the receipt, the details. One chunk, fetched while the
 * person types the first screen (request-page.tsx), so a 2G line does not
 * wait at "Continuer"; the first screen's load does not carry it.
 */
export { ContactStep } from './contact-step';
export { ConsentStep } from './consent-step';
export { DoneScreen, ReceiptScreen } from './receipt-screen';

interface DetailsStageProps extends Omit<DetailsWizardProps, 'draft'> {
  readonly draft: DetailsDraft | null;
  readonly heading: RefObject<HTMLHeadingElement | null>;
}

/** The details screens under their title, with an empty draft the first time they show. */
export function DetailsStage({ draft, heading, ...props }: DetailsStageProps) {
  const t = useIntakeT();
  return (
    <article className="form-page">
      <h1 ref={heading} tabIndex={-1}>
        {t.details.title}
      </h1>
      <DetailsWizard draft={draft ?? emptyDetails()} {...props} />
    </article>
  );
}
