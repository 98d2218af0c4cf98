import { publicStatus, type WorkflowState } from './public-status.js';

const now = new Date('2026-12-05T12:00:00Z');
const received: WorkflowState = { status: 'received', riskLevel: 'unknown', assignedTo: null, firstContactDue: null, nextContactAt: null, measureDue: null };

describe('publicStatus', () => {
  it('says received while nobody has touched the case', () => {
    expect(publicStatus(received, now)).toBe('received');
    expect(publicStatus({ ...received, firstContactDue: new Date('2026-12-05T14:00:00Z') }, now)).toBe('received');
  });

  it('follows the work, not only the status set by hand: assessed or assigned is being handled', () => {
    expect(publicStatus({ ...received, riskLevel: 'high' }, now)).toBe('in_progress');
    expect(publicStatus({ ...received, assignedTo: 'someone' }, now)).toBe('in_progress');
    expect(publicStatus({ ...received, status: 'under_assessment' }, now)).toBe('in_progress');
  });

  it('a planned call, or a first contact owed by the person assigned, is "someone will call you"', () => {
    expect(publicStatus({ ...received, nextContactAt: new Date('2026-12-06T09:00:00Z') }, now)).toBe('call_planned');
    expect(publicStatus({ ...received, assignedTo: 'someone', firstContactDue: new Date('2026-12-05T14:00:00Z') }, now)).toBe('call_planned');
    // A call planned for a day already past no longer promises anything.
    expect(publicStatus({ ...received, riskLevel: 'high', nextContactAt: new Date('2026-12-01T09:00:00Z') }, now)).toBe('in_progress');
  });

  it('planned measures are actions under way, even before the status is changed by hand', () => {
    expect(publicStatus({ ...received, riskLevel: 'high', measureDue: new Date('2026-12-20T00:00:00Z') }, now)).toBe('measures');
    expect(publicStatus({ ...received, status: 'monitoring' }, now)).toBe('measures');
  });

  it('closed and inadmissible are closed, whatever else is planned', () => {
    expect(publicStatus({ ...received, status: 'closed', nextContactAt: new Date('2026-12-06T09:00:00Z') }, now)).toBe('closed');
    expect(publicStatus({ ...received, status: 'inadmissible' }, now)).toBe('closed');
  });
});
