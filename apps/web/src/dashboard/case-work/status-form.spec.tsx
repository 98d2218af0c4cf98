import { jest } from '@jest/globals';
import type { ReferenceItem } from '@mnpddh/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { caseDetail, CASE_ID } from '../../test-support/case-detail';
import { fakeApi, writesIn, type SentRequest } from '../../test-support/fake-api';
import { renderSignedIn } from '../../test-support/staff-page';
import { StatusForm } from './status-form';

const STATUS = `POST /api/cases/${CASE_ID}/status`;
const outcome = (code: string, labelFr: string, position: number): ReferenceItem => ({
  list: 'closure_outcome',
  code,
  labelFr,
  labelEn: code,
  uncertain: false,
  active: true,
  position,
});
const REFERENCE = { items: [outcome('released', 'Libéré', 1), outcome('still_missing', 'Toujours disparu', 2)] };

type User = ReturnType<typeof userEvent.setup>;

async function openStatusForm() {
  const sent = fakeApi({
    'GET /api/reference': () => ({ status: 200, body: REFERENCE }),
    [STATUS]: () => ({ status: 201, body: { id: '4e5f6071-8293-4a41-8d5e-6f708192a3b4', seq: 11 } }),
  });
  const done = jest.fn();
  const base = caseDetail();
  renderSignedIn(<StatusForm detail={caseDetail({ index: { ...base.index, status: 'monitoring' } })} onDone={done} />);
  await screen.findByRole('button', { name: 'Changer le statut' });
  return { sent, done, user: userEvent.setup() };
}

async function close(user: User, reason: string) {
  await user.selectOptions(screen.getByLabelText('Nouveau statut'), 'closed');
  await user.type(screen.getByLabelText('Pourquoi ce changement ?'), reason);
  // The outcomes arrive with the reference lists.
  await screen.findByRole('option', { name: 'Libéré' });
}

const submit = (user: User) => user.click(screen.getByRole('button', { name: 'Changer le statut' }));
const statusChangesIn = (sent: readonly SentRequest[]) => writesIn(sent).filter((request) => `${request.method} ${request.path}` === STATUS);
const refusalsIn = async () =>
  within(await screen.findByRole('alert'))
    .getAllByRole('link')
    .map((link) => [link.getAttribute('href'), link.textContent]);

describe('the status form, as a caseworker fills it in', () => {
  it('offers only the next steps of the workflow', async () => {
    await openStatusForm();
    const options = within(screen.getByLabelText('Nouveau statut')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Choisissez…', 'Mesures en cours', 'Clos']);
  });

  it('refuses a change without its new status and its reason', async () => {
    const { user, sent } = await openStatusForm();
    await submit(user);
    expect(await refusalsIn()).toEqual([
      ['#status-to', 'Remplissez ce champ.'],
      ['#status-reason', 'Remplissez ce champ.'],
    ]);
    expect(statusChangesIn(sent)).toEqual([]);
  });

  it('refuses to close without the outcome, then without the defender told, in French, sending nothing', async () => {
    const { user, sent, done } = await openStatusForm();
    await close(user, 'Situation stabilisée.');
    await submit(user);
    expect(await refusalsIn()).toEqual([['#status-outcome', 'Pour clore le dossier, indiquez son issue.']]);

    await user.selectOptions(screen.getByLabelText('Issue du dossier'), 'released');
    await submit(user);
    await waitFor(async () =>
      expect(await refusalsIn()).toEqual([['#status-informed', 'Pour clore le dossier, confirmez que le défenseur ou sa famille a été informé.']]),
    );
    expect(statusChangesIn(sent)).toEqual([]);
    expect(done).not.toHaveBeenCalled();
  });

  it('closes with the outcome and the defender told, and no empty override', async () => {
    const { user, sent, done } = await openStatusForm();
    await close(user, ' Libéré le 3 décembre, suivi terminé. ');
    await user.selectOptions(screen.getByLabelText('Issue du dossier'), 'released');
    await user.click(screen.getByLabelText('Le défenseur ou sa famille a été informé de la clôture'));
    await submit(user);

    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    expect(statusChangesIn(sent).map((request) => request.body)).toEqual([
      { to: 'closed', reason: 'Libéré le 3 décembre, suivi terminé.', outcome: 'released', defenderInformed: true },
    ]);
  });

  it('sends no closing fields with another step', async () => {
    const { user, sent, done } = await openStatusForm();
    await user.selectOptions(screen.getByLabelText('Nouveau statut'), 'measures_in_progress');
    expect(screen.queryByLabelText('Issue du dossier')).toBeNull();
    await user.type(screen.getByLabelText('Pourquoi ce changement ?'), 'Nouvelles menaces : relocalisation à organiser.');
    await submit(user);

    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    expect(statusChangesIn(sent).map((request) => request.body)).toEqual([
      { to: 'measures_in_progress', reason: 'Nouvelles menaces : relocalisation à organiser.' },
    ]);
  });
});
