import { jest } from '@jest/globals';
import { CaseDetail, CaseList, type CaseSummary } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { CaseClock } from '../../apps/api/src/cases/case-clock.js';
import { CategoryCache } from '../../apps/api/src/cases/category-cache.js';
import { CaseGrantsService } from '../../apps/api/src/vault/case-grants.service.js';
import type { CaseContent } from '../../apps/api/src/vault/case-content.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { toHour } from '../../apps/api/src/vault/triage-index.js';
import { plainContent } from '../factories/case-content.js';
import { createStaffWithKeys, type StaffWithKeys } from '../factories/staff.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;
let vault: CaseVaultService;
let admin: StaffClient;
let supervisor: StaffClient;
let caseworker: StaffClient;
let auditor: StaffClient;
/** A supervisor with a key pair in hand, to grant cases (there is no grant route yet). */
let granter: StaffWithKeys;
/** Every response body the suite received, for the leak search at the end. */
const bodies: string[] = [];

const HOUR = 3_600_000;
const MINUTE = 60_000;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  vault = portal.app.get(CaseVaultService);
  admin = await signIn(portal, await createAdmin(portal));
  // Staff first: the triage team (supervisors, on call) receives the cases created after them.
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'] })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'] })).client;
  auditor = (await createStaff(portal, admin, { roles: ['auditor'] })).client;
  granter = await createStaffWithKeys(portal.app, ['supervisor']);
});

afterAll(async () => {
  await portal?.close();
});

function content(categories: Partial<CaseContent['categories']>): CaseContent {
  const base = plainContent();
  return { ...base, categories: { ...base.categories, ...categories } };
}

async function get(client: StaffClient, path: string): Promise<Response> {
  const response = await client.get(path);
  bodies.push(await response.clone().text());
  return response;
}

async function list(client: StaffClient, query = ''): Promise<CaseList> {
  const response = await get(client, `/api/cases${query ? `?${query}` : ''}`);
  expect(response.status).toBe(200);
  return CaseList.parse(await response.json());
}

/** Every page of a query, in order. */
async function listAll(client: StaffClient, query = ''): Promise<CaseSummary[]> {
  const items: CaseSummary[] = [];
  for (let page = 1; ; page++) {
    const result = await list(client, `${query}${query ? '&' : ''}pageSize=100&page=${page}`);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}

const idsOf = (items: CaseSummary[]) => items.map((item) => item.id);

describe('the case list', () => {
  it('shows a supervisor the new cases with their region and threat types, decrypted for them', async () => {
    const { caseId, reference } = await vault.createCase({ urgent: false, content: content({ region: 'segou', threatTypes: ['surveillance'] }) });
    const items = await listAll(supervisor);
    const item = items.find((candidate) => candidate.id === caseId);
    expect(item).toMatchObject({
      reference,
      status: 'received',
      urgent: false,
      riskLevel: 'unknown',
      assignedTo: null,
      region: 'segou',
      threatTypes: ['surveillance'],
      overdue: false,
      integrityFailed: false,
    });
  });

  it('shows a caseworker nothing without a grant, and exactly the granted case after one', async () => {
    const granted = await vault.createCase({ urgent: true, content: content({ region: 'kayes' }) });
    await vault.createCase({ urgent: true, content: content({ region: 'kayes' }) });
    const before = await list(caseworker);
    expect(before.total).toBe(0);
    expect(before.items).toEqual([]);
    expect((await get(caseworker, `/api/cases/${granted.caseId}`)).status).toBe(403);

    await portal.app.get(CaseGrantsService).grant(granter, granted.caseId, caseworker.id);
    const after = await list(caseworker);
    expect(idsOf(after.items)).toEqual([granted.caseId]);
    expect(after.items[0]?.region).toBe('kayes');
    const view = await get(caseworker, `/api/cases/${granted.caseId}`);
    expect(view.status).toBe(200);
    expect(CaseDetail.parse(await view.json()).categories.region).toBe('kayes');
  });

  it('filters on encrypted categories (region, threat type, profile, language), lists as comma-separated or repeated values', async () => {
    const kidalArrest = await vault.createCase({
      urgent: false,
      content: content({ region: 'kidal', threatTypes: ['arrest'], profiles: ['journalist'], languages: ['tmh'] }),
    });
    const kidalThreat = await vault.createCase({
      urgent: false,
      content: content({ region: 'kidal', threatTypes: ['threats_intimidation'], profiles: ['lawyer'], languages: ['fr'] }),
    });
    const gaoArrest = await vault.createCase({
      urgent: true,
      content: content({ region: 'gao', threatTypes: ['arrest', 'surveillance'], profiles: ['journalist'], languages: ['son'] }),
    });
    const ids = (items: CaseSummary[]) =>
      idsOf(items)
        .filter((id) => [kidalArrest.caseId, kidalThreat.caseId, gaoArrest.caseId].includes(id))
        .sort();
    const sorted = (...values: string[]) => [...values].sort();

    expect(ids(await listAll(supervisor, 'region=kidal'))).toEqual(sorted(kidalArrest.caseId, kidalThreat.caseId));
    expect(ids(await listAll(supervisor, 'threatType=arrest'))).toEqual(sorted(kidalArrest.caseId, gaoArrest.caseId));
    expect(ids(await listAll(supervisor, 'region=kidal&threatType=arrest'))).toEqual([kidalArrest.caseId]);
    expect(ids(await listAll(supervisor, 'region=kidal,gao&profile=journalist'))).toEqual(sorted(kidalArrest.caseId, gaoArrest.caseId));
    expect(ids(await listAll(supervisor, 'region=kidal&region=gao&language=son'))).toEqual([gaoArrest.caseId]);
    expect(ids(await listAll(supervisor, 'language=fr&profile=lawyer&region=kidal'))).toEqual([kidalThreat.caseId]);
    expect(ids(await listAll(supervisor, 'region=taoudenit'))).toEqual([]);
    // Every item of a filtered list matches the filter (not only ours).
    for (const item of await listAll(supervisor, 'region=kidal')) expect(item.region).toBe('kidal');
    // Combined with a clear filter (in SQL).
    expect(ids(await listAll(supervisor, 'threatType=arrest&urgent=true'))).toEqual([gaoArrest.caseId]);
  });

  it('finds a case by the region of each incident as well as by where the defender is now', async () => {
    // A defender now abroad whose family is threatened at home.
    const abroad = await vault.createCase({
      urgent: false,
      content: content({ region: 'outside_mali', incidentRegions: ['menaka'], threatTypes: ['threats_intimidation'] }),
    });
    const found = async (query: string) => idsOf(await listAll(supervisor, query)).includes(abroad.caseId);
    expect(await found('region=menaka')).toBe(true);
    expect(await found('region=outside_mali')).toBe(true);
    expect(await found('region=menaka&threatType=threats_intimidation')).toBe(true);
    expect(await found('region=kidal')).toBe(false);
  });

  it('decrypts once per session: a warm list decrypts nothing, a changed revision decrypts that case again', async () => {
    const { caseId } = await vault.createCase({ urgent: false, content: content({ region: 'nara' }) });
    const decrypt = jest.spyOn(vault, 'decryptCategories');
    try {
      await listAll(supervisor, 'region=nara');
      decrypt.mockClear();
      const warm = await listAll(supervisor, 'region=nara');
      expect(idsOf(warm)).toContain(caseId);
      expect(decrypt).not.toHaveBeenCalled();
      // A new revision (as a change to the case would make): that entry is stale, decrypted again.
      await asOwner(portal, 'UPDATE protection_case SET revision = revision + 1 WHERE id = $1', [caseId]);
      await listAll(supervisor, 'region=nara');
      expect(decrypt.mock.calls.map(([, row]) => row.id)).toEqual([caseId]);
    } finally {
      decrypt.mockRestore();
    }
  });

  it('keeps the decrypted categories only while the session lives: logout drops them', async () => {
    const cache = portal.app.get(CategoryCache);
    const colleague = (await createStaff(portal, admin, { roles: ['supervisor'] })).client;
    await vault.createCase({ urgent: false, content: content({ region: 'san' }) });
    const before = cache.size().sessions;
    await list(colleague, 'region=san');
    expect(cache.size().sessions).toBe(before + 1);
    expect((await colleague.post('/api/auth/logout')).status).toBeLessThan(300);
    expect(cache.size().sessions).toBe(before);
  });

  it('filters on clear index columns, pages, and orders urgent and overdue first, then newest', async () => {
    const base = toHour(new Date(Date.now() - 30 * 24 * HOUR));
    const at = (hours: number) => new Date(base.getTime() + hours * HOUR);
    const old = await vault.createCase({ urgent: false, content: content({ region: 'dioila' }) }, at(0));
    const newer = await vault.createCase({ urgent: false, content: content({ region: 'dioila' }) }, at(5));
    const urgent = await vault.createCase({ urgent: true, content: content({ region: 'dioila' }) }, at(1));
    const window = `receivedFrom=${at(0).toISOString()}&receivedTo=${at(5).toISOString()}`;

    const all = await listAll(supervisor, window);
    expect(idsOf(all)).toEqual([urgent.caseId, newer.caseId, old.caseId]);
    // Thirty days on, all three are overdue (urgent: unassigned and first contact; ordinary: assessment).
    expect(all.map((item) => item.overdueTargets)).toEqual([['unassigned_urgent', 'first_contact'], ['assessment'], ['assessment']]);

    expect(idsOf(await listAll(supervisor, `${window}&urgent=true`))).toEqual([urgent.caseId]);
    expect(idsOf(await listAll(supervisor, `${window}&urgent=false`))).toEqual([newer.caseId, old.caseId]);
    expect(idsOf(await listAll(supervisor, `${window}&status=received,closed&assignment=unassigned&riskLevel=unknown`))).toHaveLength(3);
    expect(await listAll(supervisor, `${window}&status=closed`)).toEqual([]);
    expect(await listAll(supervisor, `${window}&assignment=mine`)).toEqual([]);
    expect(idsOf(await listAll(supervisor, `receivedFrom=${at(1).toISOString()}&receivedTo=${at(4).toISOString()}`))).toEqual([urgent.caseId]);
    const day = at(0).toISOString().slice(0, 10);
    expect(idsOf(await listAll(supervisor, `receivedFrom=${day}&receivedTo=${day}&region=dioila`))).toEqual(
      idsOf(all).filter((id) => all.find((item) => item.id === id)?.receivedAt.startsWith(day)),
    );

    const first = await list(supervisor, `${window}&pageSize=2&page=1`);
    const second = await list(supervisor, `${window}&pageSize=2&page=2`);
    expect(first.total).toBe(3);
    expect(first.page).toBe(1);
    expect(first.pageSize).toBe(2);
    expect([...idsOf(first.items), ...idsOf(second.items)]).toEqual(idsOf(all));
    expect(first.counts).toEqual({
      byStatus: { received: 3, under_assessment: 0, measures_in_progress: 0, monitoring: 0, closed: 0, inadmissible: 0 },
      urgent: 1,
      overdue: 3,
    });
    expect((await list(supervisor, `${window}&page=5`)).items).toEqual([]);
  });

  it('refuses bad queries with 400', async () => {
    for (const query of [
      'pageSize=101',
      'page=0',
      'region=atlantis',
      'threatType=arrest,nope',
      'assignment=theirs',
      'urgent=maybe',
      'colour=red',
      'receivedFrom=yesterday',
      'receivedFrom=0000-01-01',
      'receivedTo=99999-01-01',
    ]) {
      expect((await get(supervisor, `/api/cases?${query}`)).status).toBe(400);
    }
    expect((await get(supervisor, '/api/cases?receivedFrom=2026-02-02&receivedTo=2026-02-01')).status).toBe(400);
  });
});

describe('response targets at their boundaries', () => {
  // On the hour, as receivedAt is stored: the clock of the list is moved, not the case.
  const received = toHour(new Date(Date.now() - 60 * 24 * HOUR));
  let urgentCase: string;
  let ordinaryCase: string;

  beforeAll(async () => {
    urgentCase = (await vault.createCase({ urgent: true, content: content({ region: 'bandiagara' }) }, received)).caseId;
    ordinaryCase = (await vault.createCase({ urgent: false, content: content({ region: 'bandiagara' }) }, received)).caseId;
  });

  async function targetsAt(elapsedMs: number): Promise<Record<string, string[]>> {
    const clock = jest.spyOn(portal.app.get(CaseClock), 'now').mockReturnValue(new Date(received.getTime() + elapsedMs));
    try {
      const items = await listAll(supervisor, `receivedFrom=${received.toISOString()}&receivedTo=${received.toISOString()}`);
      return Object.fromEntries(
        items
          .filter((item) => [urgentCase, ordinaryCase].includes(item.id))
          .map((item) => [item.id === urgentCase ? 'urgent' : 'ordinary', item.overdueTargets]),
      );
    } finally {
      clock.mockRestore();
    }
  }

  it('an unassigned urgent case is on time at 59 min and overdue at 61 min', async () => {
    expect((await targetsAt(59 * MINUTE)).urgent).toEqual([]);
    expect((await targetsAt(61 * MINUTE)).urgent).toEqual(['unassigned_urgent']);
  });

  it('first contact on an urgent case is due within 2 h', async () => {
    expect((await targetsAt(2 * HOUR - MINUTE)).urgent).toEqual(['unassigned_urgent']);
    expect((await targetsAt(2 * HOUR + MINUTE)).urgent).toEqual(['unassigned_urgent', 'first_contact']);
  });

  it('the assessment of an ordinary case is due within 10 days', async () => {
    expect((await targetsAt(240 * HOUR - MINUTE)).ordinary).toEqual([]);
    expect((await targetsAt(240 * HOUR + MINUTE)).ordinary).toEqual(['assessment']);
  });

  it('a case that arrived at hh:59 is counted from that minute by its holders, and never early by the list counts', async () => {
    const arrivedAt = new Date(received.getTime() + 59 * MINUTE + 30_000);
    const late = (await vault.createCase({ urgent: true, content: content({ region: 'bandiagara' }) }, arrivedAt)).caseId;
    const at = (elapsedMs: number) => jest.spyOn(portal.app.get(CaseClock), 'now').mockReturnValue(new Date(arrivedAt.getTime() + elapsedMs));
    const listed = async () =>
      (await listAll(supervisor, `receivedFrom=${received.toISOString()}&receivedTo=${received.toISOString()}`)).find((item) => item.id === late);
    let clock = at(2 * MINUTE);
    try {
      // With the hour alone this case would be overdue one minute after it arrived.
      expect(await listed()).toMatchObject({ receivedAt: received.toISOString(), arrivedAt: arrivedAt.toISOString(), overdueTargets: [] });
      const view = CaseDetail.parse(await (await get(supervisor, `/api/cases/${late}`)).json()).index;
      expect(view).toMatchObject({
        arrivedAt: arrivedAt.toISOString(),
        overdueTargets: [],
        firstContactDue: new Date(arrivedAt.getTime() + 2 * HOUR).toISOString(),
      });
      clock.mockRestore();
      clock = at(60 * MINUTE + 1_000);
      expect((await listed())?.overdueTargets).toEqual(['unassigned_urgent']);
    } finally {
      clock.mockRestore();
    }
  });

  it('overdue cases come first, and the view shows the same targets', async () => {
    const clock = jest.spyOn(portal.app.get(CaseClock), 'now').mockReturnValue(new Date(received.getTime() + 61 * MINUTE));
    try {
      const response = await get(supervisor, `/api/cases/${urgentCase}`);
      expect(CaseDetail.parse(await response.json()).index).toMatchObject({ overdue: true, overdueTargets: ['unassigned_urgent'] });
      const items = await listAll(supervisor);
      const ranks = items.map((item) => (item.integrityFailed ? 0 : item.urgent && item.overdue ? 1 : item.urgent ? 2 : item.overdue ? 3 : 4));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    } finally {
      clock.mockRestore();
    }
  });
});

describe('the case view', () => {
  it('shows the decrypted case by concern, staff as the protection team, and audits the read once', async () => {
    const { caseId, reference } = await vault.createCase({ urgent: true, content: content({ region: 'mopti', threatTypes: ['abduction_disappearance'] }) });
    await list(supervisor, 'region=mopti');
    const decryptedBefore = await asOwner(portal, "SELECT 1 FROM audit_event WHERE action = 'case.decrypted' AND target_id = $1", [caseId]);
    expect(decryptedBefore).toHaveLength(0); // listing is not reading

    const response = await get(supervisor, `/api/cases/${caseId}`);
    expect(response.status).toBe(200);
    const detail = CaseDetail.parse(await response.json());
    expect(detail.index.reference).toBe(reference);
    expect(detail.narrative).toBe(plainContent().narrative);
    expect(detail.identity).toEqual(plainContent().identity);
    expect(detail.situation).toEqual(plainContent().situation);
    expect(detail.categories.threatTypes).toEqual(['abduction_disappearance']);
    expect(detail.thread).toEqual([]);

    const events = await asOwner<{ actor_id: string }>(portal, "SELECT actor_id::text FROM audit_event WHERE action = 'case.decrypted' AND target_id = $1", [
      caseId,
    ]);
    expect(events).toEqual([{ actor_id: supervisor.id }]);
  });

  it('is 404 for an unknown case and 400 for a malformed id', async () => {
    expect((await get(supervisor, '/api/cases/6a0c5a36-3c1a-4b35-9d0c-7f1f5e2c9b10')).status).toBe(404);
    expect((await get(supervisor, '/api/cases/not-a-uuid')).status).toBe(400);
  });

  it('is 409 INTEGRITY_FAILED for a tampered case, which the list flags instead of hiding', async () => {
    const { caseId } = await vault.createCase({ urgent: true, content: content({ region: 'menaka' }) });
    // Listed first, filtered and not: the verified row and its categories are remembered…
    expect((await listAll(supervisor)).find((candidate) => candidate.id === caseId)).toMatchObject({ integrityFailed: false, region: 'menaka' });
    expect(idsOf(await listAll(supervisor, 'region=menaka'))).toContain(caseId);
    // …and a column changed in SQL afterwards (the MAC left as it was) is checked again, not taken from memory.
    await asOwner(portal, 'UPDATE protection_case SET urgent = false WHERE id = $1', [caseId]);
    const response = await get(supervisor, `/api/cases/${caseId}`);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'INTEGRITY_FAILED' } });
    const item = (await listAll(supervisor)).find((candidate) => candidate.id === caseId);
    expect(item).toMatchObject({ integrityFailed: true, region: null });
    // A filter on an encrypted category keeps it in sight.
    expect(idsOf(await listAll(supervisor, 'region=kayes'))).toContain(caseId);
    const audited = await asOwner(portal, "SELECT 1 FROM audit_event WHERE action = 'case.integrity_failed' AND target_id = $1", [caseId]);
    expect(audited.length).toBeGreaterThanOrEqual(1);
  });
});

describe('who may list and read cases', () => {
  it('refuses auditors and admins (403) and anyone signed out (401), on both routes', async () => {
    const { caseId } = await vault.createCase({ urgent: false, content: plainContent() });
    for (const client of [auditor, admin]) {
      expect((await get(client, '/api/cases')).status).toBe(403);
      expect((await get(client, `/api/cases/${caseId}`)).status).toBe(403);
    }
    expect((await fetch(`${portal.url}/api/cases`)).status).toBe(401);
    expect((await fetch(`${portal.url}/api/cases/${caseId}`)).status).toBe(401);
  });
});

describe('what the responses never carry', () => {
  it('holds no ciphertext, MAC, key id, sealed key or grant signature', async () => {
    const secrets = await asOwner<Record<string, string>>(
      portal,
      `SELECT index_mac, case_key_id, thread_key_id, identity, contact, narrative, situation, categories, manifest_mac, thread_mac
         FROM protection_case`,
    );
    const grants = await asOwner<Record<string, string>>(portal, 'SELECT sealed_key, signature FROM case_key_grant');
    const values = [...secrets, ...grants].flatMap((row) => Object.values(row)).filter((value): value is string => typeof value === 'string');
    expect(bodies.length).toBeGreaterThan(20);
    const all = bodies.join('\n');
    for (const value of values) expect(all.includes(value)).toBe(false);
    expect(all).not.toMatch(/manifestMac|indexMac|caseKeyId|threadKeyId|sealedKey|signature/);
  });
});
