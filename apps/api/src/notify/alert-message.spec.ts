import { alertText } from './alert-message.js';

describe('what an alert sends out', () => {
  it('is the kind’s sentence and the link, nothing else, with the plural of a burst', () => {
    expect(alertText('overdue_case', 'https://cndh.example/personnel/urgences')).toBe(
      'Un dossier a dépassé son délai — connectez-vous.\nhttps://cndh.example/personnel/urgences',
    );
    expect(alertText('urgent_request', 'https://cndh.example/personnel/urgences', 3)).toBe(
      '3 nouvelles demandes urgentes — connectez-vous.\nhttps://cndh.example/personnel/urgences',
    );
  });
});
