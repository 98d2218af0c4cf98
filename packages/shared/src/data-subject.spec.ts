import { ErasureConfirmation, legalHoldApplies, NewDataSubjectRequest } from './data-subject.js';

describe('data-subject requests', () => {
  it('needs a correction for a rectification, and refuses one with any other right', () => {
    expect(NewDataSubjectRequest.safeParse({ right: 'rectification', verifiedBy: 'receipt' }).success).toBe(false);
    expect(NewDataSubjectRequest.safeParse({ right: 'rectification', verifiedBy: 'receipt', correction: '   ' }).success).toBe(false);
    expect(NewDataSubjectRequest.safeParse({ right: 'rectification', verifiedBy: 'receipt', correction: 'Mon nom est Diarra.' }).success).toBe(true);
    expect(NewDataSubjectRequest.safeParse({ right: 'erasure', verifiedBy: 'verified_callback', correction: 'Autre chose.' }).success).toBe(false);
    expect(NewDataSubjectRequest.safeParse({ right: 'access', verifiedBy: 'verified_callback', note: '' }).success).toBe(true);
    expect(NewDataSubjectRequest.safeParse({ right: 'access', verifiedBy: 'a friend said so' }).success).toBe(false);
  });

  it('erases only on an explicit confirmation; the legal hold is a second, separate one', () => {
    expect(ErasureConfirmation.safeParse({}).success).toBe(false);
    expect(ErasureConfirmation.safeParse({ confirm: 'yes' }).success).toBe(false);
    expect(ErasureConfirmation.parse({ confirm: true })).toEqual({ confirm: true, legalHoldConfirmed: false });
  });

  it('puts serious violations on legal hold, by threat type or by closing outcome', () => {
    expect(legalHoldApplies(['arrest'])).toBe(false);
    expect(legalHoldApplies(['arrest', 'abduction_disappearance'])).toBe(true);
    expect(legalHoldApplies(['threats_intimidation'], 'killed')).toBe(true);
    expect(legalHoldApplies(['threats_intimidation'], 'released')).toBe(false);
    expect(legalHoldApplies(['threats_intimidation'], null)).toBe(false);
  });
});
