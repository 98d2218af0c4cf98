import { jest } from '@jest/globals';
import { fieldMessage, type Assignee, type ReferenceItem } from '@mnpddh/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { caseDetail, CASE_ID } from '../../test-support/case-detail';
import { fakeApi, refusal, writesIn, type Answer, type SentRequest } from '../../test-support/fake-api';
import { renderSignedIn } from '../../test-support/staff-page';
import { MeasureForm } from './measures';

const MEASURES = `POST /api/cases/${CASE_ID}/measures`;
const OWNER: Assignee = { id: '3c0d8e7a-2f1b-4a6c-9d5e-8b7a6c5d4e3f', name: 'Moussa Keïta', roles: ['caseworker'], onCall: false };

const measureItem = (code: string, labelFr: string, position: number, active = true): ReferenceItem => ({
  list: 'protection_measure',
  code,
  labelFr,
  labelEn: code,
  uncertain: false,
  active,
  position,
});
const REFERENCE = {
  items: [
    measureItem('legal_assistance', 'Assistance juridique', 1),
    measureItem('detention_visit', 'Visite en détention', 2),
    measureItem('temporary_relocation', 'Relocalisation temporaire', 3, false),
  ],
};

const written = (): Answer => ({ status: 201, body: { id: '9a1c2e3f-4b5d-4e6f-8a7b-1c2d3e4f5a6b', seq: 8 } });
/** The API's answer to a measure that would reveal the defender with no consent in force (cases/consent-state.ts), worded as its error filter words it. */
const noConsent = (): Answer =>
  refusal(422, 'REFUSED', "Cette action n'est pas possible dans l'état actuel du dossier.", [
    { field: 'consent', message: fieldMessage('consent_required', 'fr') ?? 'consent_required' },
  ]);

async function openMeasureForm(answer: () => Answer = written) {
  const sent = fakeApi({ 'GET /api/reference': () => ({ status: 200, body: REFERENCE }), [MEASURES]: answer });
  const done = jest.fn();
  renderSignedIn(<MeasureForm detail={caseDetail()} assignees={[OWNER]} onDone={done} />);
  // The list arrives after the first paint: wait for it, as a caseworker would.
  await screen.findByRole('option', { name: 'Assistance juridique' });
  return { sent, done, user: userEvent.setup() };
}

const measuresIn = (sent: readonly SentRequest[]) => writesIn(sent).filter((request) => `${request.method} ${request.path}` === MEASURES);
const submit = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Ajouter la mesure' }));

describe('the measure form, as a caseworker fills it in', () => {
  it('offers the active measures of the reference list only, in its order', async () => {
    await openMeasureForm();
    const options = within(screen.getByLabelText('Mesure')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Choisissez…', 'Assistance juridique', 'Visite en détention']);
  });

  it('refuses to add without a measure chosen, in French, and sends nothing', async () => {
    const { user, sent, done } = await openMeasureForm();
    await user.selectOptions(screen.getByLabelText('Responsable (facultatif)'), OWNER.id);
    await submit(user);

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choisissez une mesure.' }).getAttribute('href')).toBe('#measure-code');
    expect(screen.getByLabelText('Mesure').getAttribute('aria-invalid')).toBe('true');
    expect(measuresIn(sent)).toEqual([]);
    expect(done).not.toHaveBeenCalled();
  });

  it('sends a measure with nobody and no date yet as the schema says: both null, planned, no empty notes', async () => {
    const { user, sent, done } = await openMeasureForm();
    await user.selectOptions(screen.getByLabelText('Mesure'), 'legal_assistance');
    await user.type(screen.getByLabelText('Notes (facultatif)'), '   ');
    await submit(user);

    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    expect(measuresIn(sent).map((request) => request.body)).toEqual([{ measure: 'legal_assistance', ownerId: null, due: null, status: 'planned' }]);
    // Ready for the next one.
    expect((screen.getByLabelText('Mesure') as HTMLSelectElement).value).toBe('');
  });

  it('sends the owner, the day, the status and the notes chosen', async () => {
    const { user, sent, done } = await openMeasureForm();
    await user.selectOptions(screen.getByLabelText('Mesure'), 'legal_assistance');
    await user.selectOptions(screen.getByLabelText('Responsable (facultatif)'), OWNER.id);
    await user.type(screen.getByLabelText('À faire avant le (facultatif)'), '2026-12-18');
    await user.selectOptions(screen.getByLabelText('Statut'), 'in_progress');
    await user.type(screen.getByLabelText('Notes (facultatif)'), ' Avocat du barreau de Bamako saisi. ');
    await submit(user);

    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    expect(measuresIn(sent).map((request) => request.body)).toEqual([
      { measure: 'legal_assistance', ownerId: OWNER.id, due: '2026-12-18', status: 'in_progress', notes: 'Avocat du barreau de Bamako saisi.' },
    ]);
  });

  it('refuses a due day outside the calendar the database keeps, in French', async () => {
    const { user, sent } = await openMeasureForm();
    await user.selectOptions(screen.getByLabelText('Mesure'), 'legal_assistance');
    await user.type(screen.getByLabelText('À faire avant le (facultatif)'), '2200-01-01');
    await submit(user);

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: "Cette date n'est pas plausible (années 1900 à 2199)." }).getAttribute('href')).toBe('#measure-due');
    expect(measuresIn(sent)).toEqual([]);
  });

  it('shows why a measure that reveals the defender was refused without consent, and the two ways forward, keeping what was typed', async () => {
    const { user, sent, done } = await openMeasureForm(noConsent);
    await user.selectOptions(screen.getByLabelText('Mesure'), 'detention_visit');
    await submit(user);

    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByText(
        'Sans accord de la personne pour ce destinataire et ces informations, cette action est impossible (sauf exception d’urgence enregistrée).',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Enregistrer un consentement' }).getAttribute('href')).toBe('#consent-new');
    expect(screen.getByRole('link', { name: 'Exception d’urgence' }).getAttribute('href')).toBe('#disclosure-exception');
    expect(measuresIn(sent).map((request) => request.body)).toEqual([{ measure: 'detention_visit', ownerId: null, due: null, status: 'planned' }]);
    expect((screen.getByLabelText('Mesure') as HTMLSelectElement).value).toBe('detention_visit');
    expect(done).not.toHaveBeenCalled();
    expect(screen.queryByText('C’est enregistré.')).toBeNull();
  });
});
