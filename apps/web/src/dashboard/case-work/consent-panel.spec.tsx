import { jest } from '@jest/globals';
import type { Partner } from '@mnpddh/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { caseDetail, CASE_ID } from '../../test-support/case-detail';
import { fakeApi, writesIn, type SentRequest } from '../../test-support/fake-api';
import { renderSignedIn } from '../../test-support/staff-page';
import { ConsentsPanel } from './consent-panel';

const CONSENTS = `POST /api/cases/${CASE_ID}/consents`;
const EXCEPTIONS = `POST /api/cases/${CASE_ID}/disclosure-exceptions`;

const partner = (id: string, name: string, changes: Partial<Partner> = {}): Partner => ({
  id,
  name,
  kind: 'human_rights_org',
  contactNotes: null,
  active: true,
  altered: false,
  createdAt: '2026-11-01T08:00:00.000Z',
  updatedAt: '2026-11-01T08:00:00.000Z',
  ...changes,
});
const COALITION = partner('6e5d4c3b-2a19-4f08-8e7d-6c5b4a392817', 'Coalition malienne des défenseurs');
const PARTNERS = [
  COALITION,
  partner('7f6e5d4c-3b2a-4190-9f8e-7d6c5b4a3928', 'Ancienne ONG', { active: false }),
  // Changed outside the portal: never offered (consent-partners.ts).
  partner('8a7f6e5d-4c3b-42a1-8a9f-8e7d6c5b4a39', 'Fiche modifiée', { altered: true }),
];

type User = ReturnType<typeof userEvent.setup>;

/** The action forms have no name of their own (their heading sits above them): found by id, as the page's links find them. */
function formById(id: string): HTMLElement {
  const form = document.getElementById(id);
  if (!form) throw new Error(`no form #${id} on the page`);
  return form;
}

async function openConsents({ canAssign = false } = {}) {
  const sent = fakeApi({
    'GET /api/partners': () => ({ status: 200, body: { items: PARTNERS } }),
    [CONSENTS]: () => ({ status: 201, body: { id: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081', seq: 9, consentId: '2c3d4e5f-6071-4829-8b3c-4d5e6f708192' } }),
    [EXCEPTIONS]: () => ({ status: 201, body: { id: '3d4e5f60-7182-4930-9c4d-5e6f708192a3', seq: 10 } }),
  });
  const done = jest.fn();
  renderSignedIn(<ConsentsPanel detail={caseDetail({ canAssign })} onDone={done} />);
  await screen.findByRole('button', { name: 'Enregistrer le consentement' });
  const form = within(formById('consent-new'));
  return { sent, done, form, user: userEvent.setup() };
}

const writesTo = (sent: readonly SentRequest[], route: string) => writesIn(sent).filter((request) => `${request.method} ${request.path}` === route);
const refusalsIn = (summary: HTMLElement) =>
  within(summary)
    .getAllByRole('link')
    .map((link) => [link.getAttribute('href'), link.textContent]);

async function tick(form: ReturnType<typeof within>, user: User, ...labels: string[]) {
  for (const label of labels) await user.click(form.getByLabelText(label));
}

describe('recording a consent, as a caseworker fills it in', () => {
  it('refuses to record without who, how, to whom, why and what, each said in French, and sends nothing', async () => {
    const { form, user, sent, done } = await openConsents();
    await user.type(form.getByLabelText('Dans quel but ?'), '   ');
    await user.click(form.getByRole('button', { name: 'Enregistrer le consentement' }));

    expect(refusalsIn(await form.findByRole('alert'))).toEqual([
      ['#consent-new-given-by', 'Faites un choix.'],
      ['#consent-new-how', 'Faites un choix.'],
      ['#consent-new-recipient', 'Faites un choix.'],
      ['#consent-new-purpose', 'Écrivez le but.'],
      ['#consent-new-fields-identity', 'Cochez au moins une information.'],
    ]);
    expect(writesTo(sent, CONSENTS)).toEqual([]);
    expect(done).not.toHaveBeenCalled();
  });

  it('records the defender’s own consent as confirmed, the fields in the catalogue’s order, the texts trimmed', async () => {
    const { form, user, sent, done } = await openConsents();
    await user.selectOptions(form.getByLabelText('Donné par'), 'defender');
    // The defender speaks for themself: nothing to confirm later.
    expect(form.queryByLabelText('Déjà confirmé avec la personne elle-même')).toBeNull();
    await user.selectOptions(form.getByLabelText('Comment'), 'phone');
    await user.selectOptions(form.getByLabelText('Destinataire'), 'lawyer_court');
    await user.type(form.getByLabelText('Nom du destinataire'), '  Tribunal de la Commune III  ');
    await user.type(form.getByLabelText('Dans quel but ?'), ' Plainte pour menaces. ');
    await tick(form, user, 'Résumé de la situation', 'Identité (noms)');
    await user.click(form.getByRole('button', { name: 'Enregistrer le consentement' }));

    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    expect(writesTo(sent, CONSENTS).map((request) => request.body)).toEqual([
      {
        givenBy: 'defender',
        how: 'phone',
        recipient: 'lawyer_court',
        recipientName: 'Tribunal de la Commune III',
        purpose: 'Plainte pour menaces.',
        fields: ['identity', 'narrative'],
        confirmedWithDefender: true,
      },
    ]);
  });

  it('records a relative’s consent as still to confirm with the defender unless the caseworker says it was', async () => {
    const { form, user, sent, done } = await openConsents();
    await user.selectOptions(form.getByLabelText('Donné par'), 'relative');
    await user.selectOptions(form.getByLabelText('Comment'), 'in_person');
    await user.selectOptions(form.getByLabelText('Destinataire'), 'un_body');
    await user.type(form.getByLabelText('Dans quel but ?'), 'Appel urgent au Groupe de travail.');
    await tick(form, user, 'Lieu (région, localité)');
    expect((form.getByLabelText('Déjà confirmé avec la personne elle-même') as HTMLInputElement).checked).toBe(false);
    await user.click(form.getByRole('button', { name: 'Enregistrer le consentement' }));

    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    expect(writesTo(sent, CONSENTS).map((request) => request.body)).toEqual([
      {
        givenBy: 'relative',
        how: 'in_person',
        recipient: 'un_body',
        purpose: 'Appel urgent au Groupe de travail.',
        fields: ['location'],
        confirmedWithDefender: false,
      },
    ]);
  });

  it('names a partner only from the directory’s active, unaltered entries, and sends its id rather than a free name', async () => {
    const { form, user, sent, done } = await openConsents();
    await user.selectOptions(form.getByLabelText('Donné par'), 'representative');
    await user.selectOptions(form.getByLabelText('Comment'), 'written');
    await user.selectOptions(form.getByLabelText('Destinataire'), 'partner');
    expect(form.queryByLabelText('Nom du destinataire')).toBeNull();
    const partners = form.getByLabelText('Partenaire de l’annuaire');
    await within(partners).findByRole('option', { name: COALITION.name });
    expect(
      within(partners)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Tout partenaire', COALITION.name]);
    await user.selectOptions(partners, COALITION.id);
    await user.click(form.getByLabelText('Déjà confirmé avec la personne elle-même'));
    await user.type(form.getByLabelText('Dans quel but ?'), 'Relocalisation temporaire.');
    await tick(form, user, 'Identité (noms)', 'Contact sûr');
    await user.click(form.getByRole('button', { name: 'Enregistrer le consentement' }));

    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    expect(writesTo(sent, CONSENTS).map((request) => request.body)).toEqual([
      {
        givenBy: 'representative',
        how: 'written',
        recipient: 'partner',
        partnerId: COALITION.id,
        purpose: 'Relocalisation temporaire.',
        fields: ['identity', 'contact'],
        confirmedWithDefender: true,
      },
    ]);
  });
});

describe('the emergency exception', () => {
  it('is not offered to a caseworker who may not record it', async () => {
    await openConsents({ canAssign: false });
    expect(document.getElementById('disclosure-exception')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Enregistrer l’exception' })).toBeNull();
  });

  it('refuses a disclosure without consent unless its reason is written, in French', async () => {
    const { user, sent, done } = await openConsents({ canAssign: true });
    const exception = within(formById('disclosure-exception'));
    await user.selectOptions(exception.getByLabelText('Destinataire'), 'detention_facility');
    await user.click(exception.getByRole('button', { name: 'Enregistrer l’exception' }));

    expect(refusalsIn(await exception.findByRole('alert'))).toEqual([['#disclosure-exception-reason', 'Écrivez la raison.']]);
    expect(writesTo(sent, EXCEPTIONS)).toEqual([]);

    await user.type(exception.getByLabelText('Pourquoi agir sans accord ?'), 'Détenu au secret depuis 48 h, famille injoignable.');
    await user.click(exception.getByRole('button', { name: 'Enregistrer l’exception' }));
    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    expect(writesTo(sent, EXCEPTIONS).map((request) => request.body)).toEqual([
      { recipient: 'detention_facility', reason: 'Détenu au secret depuis 48 h, famille injoignable.' },
    ]);
  });
});
