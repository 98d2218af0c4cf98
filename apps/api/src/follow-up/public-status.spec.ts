import { publicStatus } from './public-status.js';

describe('publicStatus', () => {
  it('says received, in progress or closed, never an internal step', () => {
    expect(publicStatus('received')).toBe('received');
    expect(['under_assessment', 'measures_in_progress', 'monitoring'].map(publicStatus)).toEqual(['in_progress', 'in_progress', 'in_progress']);
    expect(publicStatus('inadmissible')).toBe('closed');
  });
});
