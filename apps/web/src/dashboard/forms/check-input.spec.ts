import { Assignment, CaseNote, RiskAssessmentInput, fieldMessage } from '@mnpddh/shared';
import { checkInput } from './check-input';

const words = { required: 'Remplissez ce champ.' };
const factor = (score: number) => ({ score, note: '' });
const assessment = (level: string, overrideReason?: string) => ({
  threats: factor(4),
  vulnerabilities: factor(3),
  capacities: factor(1),
  level,
  ...(overrideReason === undefined ? {} : { overrideReason }),
  urgentProcedure: false,
  reassessmentDue: '2026-12-15',
});

describe('a dashboard form checked by the shared schema before sending', () => {
  it('refuses another level than the suggested one without a reason, in the words the API uses', () => {
    // 4 × 3 ÷ 1 = 12 suggests « extrême »: the rule lives in the schema, not in the form.
    const sut = checkInput(RiskAssessmentInput, assessment('extraordinary', '   '), 'fr', words);
    expect(sut).toEqual({ ok: false, fields: { overrideReason: fieldMessage('override_reason_required', 'fr') } });
    expect(checkInput(RiskAssessmentInput, assessment('extraordinary'), 'en', words)).toEqual({
      ok: false,
      fields: { overrideReason: 'The level chosen differs from the suggested level: say why.' },
    });
  });

  it('sends what the schema made of the input: trimmed, blank notes dropped', () => {
    const sut = checkInput(RiskAssessmentInput, assessment('extraordinary', '  Il se cache chez un parent.  '), 'fr', words);
    expect(sut.ok && sut.value.overrideReason).toBe('Il se cache chez un parent.');
    expect(sut.ok && sut.value.threats).toEqual({ score: 4 });
  });

  it('words an empty field with the form’s own word for it, else the general one', () => {
    expect(checkInput(CaseNote, { body: ' \n ' }, 'fr', { ...words, fields: { body: 'Écrivez la note.' } })).toEqual({
      ok: false,
      fields: { body: 'Écrivez la note.' },
    });
    expect(checkInput(Assignment, { assigneeId: '' }, 'fr', words)).toEqual({ ok: false, fields: { assigneeId: 'Remplissez ce champ.' } });
  });

  it('keys a nested refusal by its first segment, as the API’s refusals are', () => {
    const sut = checkInput(RiskAssessmentInput, { ...assessment('extreme'), threats: factor(9) }, 'fr', words);
    expect(sut.ok ? [] : Object.keys(sut.fields)).toEqual(['threats']);
  });
});
