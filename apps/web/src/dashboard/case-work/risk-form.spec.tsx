import { jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { caseDetail, CASE_ID } from '../../test-support/case-detail';
import { CSRF_TOKEN, fakeApi, writesIn, type SentRequest } from '../../test-support/fake-api';
import { renderSignedIn } from '../../test-support/staff-page';
import { RiskForm } from './risk-form';

const ASSESSMENTS = `POST /api/cases/${CASE_ID}/assessments`;
const written = () => ({ status: 201, body: { id: '9a1c2e3f-4b5d-4e6f-8a7b-1c2d3e4f5a6b', seq: 7 } });

async function openRiskForm() {
  const sent = fakeApi({ [ASSESSMENTS]: written });
  const done = jest.fn();
  renderSignedIn(<RiskForm detail={caseDetail()} onDone={done} />);
  await screen.findByRole('button', { name: 'Enregistrer l’évaluation' });
  return { sent, done, user: userEvent.setup() };
}

/** The score select inside a factor's fieldset ("Menaces", "Vulnérabilités", "Capacités de protection"). */
const scoreOf = (factor: string) => within(screen.getByRole('group', { name: factor })).getByLabelText('Note');

async function score(user: ReturnType<typeof userEvent.setup>, threats: number, vulnerabilities: number, capacities: number) {
  await user.selectOptions(scoreOf('Menaces'), String(threats));
  await user.selectOptions(scoreOf('Vulnérabilités'), String(vulnerabilities));
  await user.selectOptions(scoreOf('Capacités de protection'), String(capacities));
}

async function setReassessmentDay(user: ReturnType<typeof userEvent.setup>, day: string) {
  const due = screen.getByLabelText('Réévaluer avant le');
  await user.clear(due);
  await user.type(due, day);
}

const assessmentsIn = (sent: readonly SentRequest[]) => writesIn(sent).filter((request) => `${request.method} ${request.path}` === ASSESSMENTS);

describe('the risk form, as a caseworker fills it in', () => {
  it('suggests the level from threats × vulnerabilities ÷ capacities as the scores change', async () => {
    const { user } = await openRiskForm();

    await score(user, 4, 3, 1);
    expect(screen.getByText('Niveau suggéré : Extrême (score 12)')).toBeTruthy();
    expect((screen.getByLabelText('Niveau confirmé') as HTMLSelectElement).value).toBe('extreme');

    // 4 × 3 ÷ 2 = 6: between the thresholds 4 and 10.
    await user.selectOptions(scoreOf('Capacités de protection'), '2');
    expect(screen.getByText('Niveau suggéré : Extraordinaire (score 6)')).toBeTruthy();
    expect((screen.getByLabelText('Niveau confirmé') as HTMLSelectElement).value).toBe('extraordinary');

    // 2 × 3 ÷ 4 = 1,5, written the French way.
    await score(user, 2, 3, 4);
    expect(screen.getByText('Niveau suggéré : Ordinaire (score 1,5)')).toBeTruthy();
    expect(screen.queryByLabelText('Pourquoi un autre niveau que le niveau suggéré ?')).toBeNull();
  });

  it('sends the suggested level as the shared schema makes it: blank notes dropped, the session’s CSRF token on the write', async () => {
    const { user, sent, done } = await openRiskForm();
    await score(user, 4, 3, 2);
    await user.type(
      within(screen.getByRole('group', { name: 'Menaces' })).getByLabelText('Notes (facultatif)'),
      '  Convoqué deux fois par la sécurité d’État.  ',
    );
    await user.click(screen.getByLabelText('Procédure d’urgence : la vie ou l’intégrité physique est en danger immédiat'));
    await setReassessmentDay(user, '2026-12-20');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’évaluation' }));

    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    const [request] = assessmentsIn(sent);
    expect(request?.headers['X-CSRF-Token']).toBe(CSRF_TOKEN);
    expect(request?.body).toEqual({
      threats: { score: 4, note: 'Convoqué deux fois par la sécurité d’État.' },
      vulnerabilities: { score: 3 },
      capacities: { score: 2 },
      level: 'extraordinary',
      urgentProcedure: true,
      reassessmentDue: '2026-12-20',
    });
    expect(await screen.findByText('C’est enregistré.')).toBeTruthy();
  });

  it('refuses another level than the suggested one without a reason, says so in French, and sends nothing', async () => {
    const { user, sent, done } = await openRiskForm();
    await score(user, 4, 3, 1);
    // The state is suspected of the threats: the caseworker judges it worse than « extraordinaire » would say… or lower, as here.
    await user.selectOptions(screen.getByLabelText('Niveau confirmé'), 'ordinary');
    const reason = screen.getByLabelText('Pourquoi un autre niveau que le niveau suggéré ?');
    await user.type(reason, '   ');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’évaluation' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Le niveau retenu diffère du niveau suggéré : expliquez pourquoi.' })).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(assessmentsIn(sent)).toEqual([]);
    expect(done).not.toHaveBeenCalled();
  });

  it('sends another level once its reason is written, the reason trimmed', async () => {
    const { user, sent, done } = await openRiskForm();
    await score(user, 4, 3, 1);
    await user.selectOptions(screen.getByLabelText('Niveau confirmé'), 'extraordinary');
    await user.type(screen.getByLabelText('Pourquoi un autre niveau que le niveau suggéré ?'), '  Relogé hier chez un parent à Ségou.  ');
    await setReassessmentDay(user, '2026-12-20');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’évaluation' }));

    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    expect(assessmentsIn(sent).map((request) => request.body)).toEqual([
      {
        threats: { score: 4 },
        vulnerabilities: { score: 3 },
        capacities: { score: 1 },
        level: 'extraordinary',
        overrideReason: 'Relogé hier chez un parent à Ségou.',
        urgentProcedure: false,
        reassessmentDue: '2026-12-20',
      },
    ]);
  });

  it('refuses a reassessment day outside the calendar the database keeps, in French', async () => {
    const { user, sent } = await openRiskForm();
    await setReassessmentDay(user, '1899-12-31');
    await user.click(screen.getByRole('button', { name: 'Enregistrer l’évaluation' }));

    const summary = await screen.findByRole('alert');
    const refusal = within(summary).getByRole('link', { name: "Cette date n'est pas plausible (années 1900 à 2199)." });
    expect(refusal.getAttribute('href')).toBe('#risk-due');
    expect(assessmentsIn(sent)).toEqual([]);
  });
});
