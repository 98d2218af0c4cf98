import { CaseDetail, CaseSearchResult, type CaseLinkView } from '@mnpddh/shared';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import type { CaseContent } from '../../apps/api/src/vault/case-content.js';
import { CaseVaultService } from '../../apps/api/src/vault/case-vault.service.js';
import { plainContent } from '../factories/case-content.js';
import { asOwner, createAdmin, createStaff, FAST_PASSWORDS, signIn, type StaffClient } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

/*
 * Linked and collective cases, and the audited search. The
 * supervisor is in the triage team: they hold every case filed. The
 * caseworker holds only the cases assigned to them.
 */

let portal: RunningPortal;
let supervisor: StaffClient;
let caseworker: StaffClient;

interface Filed {
  id: string;
  reference: string;
}
const cases: Record<'a' | 'b' | 'c' | 'collective' | 'member' | 'loner' | 'searched' | 'other', Filed> = {} as never;
/** Words no other case of this portal holds. */
const word = `kalakala${Math.random().toString(36).slice(2, 8)}`;
const noteWord = `tamani${Math.random().toString(36).slice(2, 8)}`;
const threadWord = `balanzan${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  portal = await startTestPortal(FAST_PASSWORDS);
  const vault = portal.app.get(CaseVaultService);
  const admin = await signIn(portal, await createAdmin(portal));
  supervisor = (await createStaff(portal, admin, { roles: ['supervisor'], name: 'Superviseure Liens' })).client;
  caseworker = (await createStaff(portal, admin, { roles: ['caseworker'], name: 'Chargé Liens' })).client;
  const file = async (content: CaseContent = plainContent()): Promise<Filed> => {
    const created = await vault.createCase({ urgent: false, content });
    return { id: created.caseId, reference: created.reference };
  };
  cases.a = await file();
  cases.b = await file();
  cases.c = await file();
  cases.collective = await file();
  cases.member = await file();
  cases.loner = await file();
  cases.searched = await file({ ...plainContent(), narrative: `Enlèvement à Ségou, près du marché ${word}. Les témoins ont vu un pick-up.` });
  cases.other = await file({ ...plainContent(), narrative: `Un autre récit à Ségou, marché ${word}.` });
  const assignees = (await (await supervisor.get('/api/assignees')).json()) as { id: string; name: string }[];
  const caseworkerId = assignees.find((a) => a.name === 'Chargé Liens')?.id as string;
  // The caseworker holds A and the searched case (assigned), never C nor "other".
  for (const target of [cases.a, cases.searched]) {
    expect((await supervisor.post(`/api/cases/${target.id}/assignment`, { assigneeId: caseworkerId })).status).toBe(201);
  }
});

afterAll(async () => {
  await portal?.close();
});

async function detailOf(client: StaffClient, caseId: string): Promise<CaseDetail> {
  const response = await client.get(`/api/cases/${caseId}`);
  expect(response.status).toBe(200);
  return CaseDetail.parse(await response.json());
}

async function entryCount(caseId: string): Promise<number> {
  const [row] = await asOwner<{ count: string }>(portal, 'SELECT count(*) AS count FROM case_entry WHERE case_id = $1', [caseId]);
  return Number(row?.count);
}

const kinds = (detail: CaseDetail) => detail.entries.map((entry) => entry.kind);
/** The phone-style reference: lower case, no hyphen. */
const spoken = (reference: string) => reference.replace('-', '').toLowerCase();

describe('linked cases', () => {
  /** A and B linked once, by whichever test needs the link first: each test also runs alone (`-t`). */
  let linking: Promise<string> | undefined;
  const linkedAB = () =>
    (linking ??= (async () => {
      const response = await supervisor.post(`/api/cases/${cases.a.id}/links`, {
        otherReference: spoken(cases.b.reference),
        relation: 'same_incident',
        reason: 'Même enlèvement à Sévaré, deux témoins.',
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { linkId: string }).linkId;
    })());

  it('links two cases in both journals, by the reference as read over the phone', async () => {
    const linkId = await linkedAB();

    const [a, b] = [await detailOf(supervisor, cases.a.id), await detailOf(supervisor, cases.b.id)];
    expect(a.links).toEqual([
      expect.objectContaining({
        linkId,
        otherCaseId: cases.b.id,
        otherReference: cases.b.reference,
        relation: 'same_incident',
        reason: 'Même enlèvement à Sévaré, deux témoins.',
        other: { status: 'received', urgent: false, riskLevel: 'unknown' },
      }),
    ]);
    expect(b.links).toEqual([
      expect.objectContaining({ linkId, otherCaseId: cases.a.id, otherReference: cases.a.reference, authorName: 'Superviseure Liens' }),
    ]);
    expect(kinds(a)).toContain('case_linked');
    expect(kinds(b)).toContain('case_linked');
  });

  it('refuses a link without a reason, twice the same pair, and a case with itself, writing nothing', async () => {
    await linkedAB();
    const before = [await entryCount(cases.a.id), await entryCount(cases.c.id)];
    const noReason = await supervisor.post(`/api/cases/${cases.a.id}/links`, { otherReference: cases.c.reference, relation: 'same_person', reason: '   ' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(await noReason.json())).toContain('"field":"reason"');
    expect((await supervisor.post(`/api/cases/${cases.a.id}/links`, { otherReference: cases.c.reference, relation: 'same_person' })).status).toBe(400);
    expect((await supervisor.post(`/api/cases/${cases.a.id}/links`, { otherCaseId: cases.b.id, relation: 'same_person', reason: 'Encore.' })).status).toBe(409);
    expect(
      (await supervisor.post(`/api/cases/${cases.b.id}/links`, { otherCaseId: cases.a.id, relation: 'same_person', reason: 'Dans l’autre sens.' })).status,
    ).toBe(409);
    expect((await supervisor.post(`/api/cases/${cases.a.id}/links`, { otherCaseId: cases.a.id, relation: 'same_person', reason: 'Lui-même.' })).status).toBe(
      400,
    );
    expect([await entryCount(cases.a.id), await entryCount(cases.c.id)]).toEqual(before);
  });

  it('answers 404 for another case the caller does not hold — exactly as for one that does not exist — and writes nothing', async () => {
    const before = [await entryCount(cases.a.id), await entryCount(cases.c.id)];
    const body = { relation: 'same_person', reason: 'Même personne, d’après l’appel.' };
    const notHeld = await caseworker.post(`/api/cases/${cases.a.id}/links`, { ...body, otherReference: cases.c.reference });
    const unknown = await caseworker.post(`/api/cases/${cases.a.id}/links`, { ...body, otherReference: 'ZZZZ-ZZZZ' });
    const notHeldById = await caseworker.post(`/api/cases/${cases.a.id}/links`, { ...body, otherCaseId: cases.c.id });
    expect([notHeld.status, unknown.status, notHeldById.status]).toEqual([404, 404, 404]);
    const errorOf = async (response: Response) => {
      const { error } = (await response.json()) as { error: Record<string, unknown> };
      return { code: error.code, message: error.message, fields: error.fields };
    };
    expect(await errorOf(notHeld)).toEqual(await errorOf(unknown));
    expect([await entryCount(cases.a.id), await entryCount(cases.c.id)]).toEqual(before);
    // A case the caseworker does not hold at all, as on every case-work route: 403.
    expect((await caseworker.post(`/api/cases/${cases.c.id}/links`, { ...body, otherReference: cases.a.reference })).status).toBe(403);
  });

  it('shows the other case’s state only to someone who holds it', async () => {
    const linkId = await linkedAB();
    const seen = (await detailOf(caseworker, cases.a.id)).links.find((link: CaseLinkView) => link.linkId === linkId);
    // The caseworker holds A, not B: the link (and its reason, in A's journal) shows, B's status does not.
    expect(seen).toMatchObject({ otherReference: cases.b.reference, other: null });
  });

  it('unlinks in both journals, with a reason', async () => {
    const linkId = await linkedAB();
    expect((await supervisor.post(`/api/cases/${cases.b.id}/links/${linkId}/unlink`, { reason: '' })).status).toBe(400);
    expect((await supervisor.post(`/api/cases/${cases.b.id}/links/${linkId}/unlink`, { reason: 'Deux incidents distincts, finalement.' })).status).toBe(201);
    const [a, b] = [await detailOf(supervisor, cases.a.id), await detailOf(supervisor, cases.b.id)];
    expect([a.links, b.links]).toEqual([[], []]);
    for (const detail of [a, b]) {
      expect(detail.entries.find((entry) => entry.kind === 'case_unlinked')?.data).toMatchObject({ linkId, reason: 'Deux incidents distincts, finalement.' });
    }
    expect((await supervisor.post(`/api/cases/${cases.a.id}/links/${linkId}/unlink`, { reason: 'Encore.' })).status).toBe(404);
  });
});

describe('collective subjects', () => {
  it('marks a case as a collective subject, with its own measures, and links members to it', async () => {
    const before = [await entryCount(cases.member.id), await entryCount(cases.loner.id)];
    const refused = await supervisor.post(`/api/cases/${cases.member.id}/links`, {
      otherCaseId: cases.loner.id,
      relation: 'member_of_collective',
      reason: 'Ni l’un ni l’autre.',
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { fields: unknown } }).error.fields).toEqual([
      { field: 'relation', message: expect.stringContaining('sujet collectif') },
    ]);
    expect([await entryCount(cases.member.id), await entryCount(cases.loner.id)]).toEqual(before);

    expect((await supervisor.post(`/api/cases/${cases.collective.id}/collective-subject`, { kind: 'media', name: 'Radio Kledu Ségou' })).status).toBe(201);
    expect((await supervisor.post(`/api/cases/${cases.collective.id}/measures`, { measure: 'legal_assistance' })).status).toBe(201);
    expect(
      (
        await supervisor.post(`/api/cases/${cases.member.id}/links`, {
          otherCaseId: cases.collective.id,
          relation: 'member_of_collective',
          reason: 'Animateur de la radio.',
        })
      ).status,
    ).toBe(201);

    const collective = await detailOf(supervisor, cases.collective.id);
    expect(collective.collectiveSubject).toEqual({ kind: 'media', name: 'Radio Kledu Ségou' });
    expect(collective.measures).toHaveLength(1);
    expect(collective.links).toEqual([
      expect.objectContaining({ otherCaseId: cases.member.id, relation: 'member_of_collective', collectiveCaseId: cases.collective.id }),
    ]);
    const member = await detailOf(supervisor, cases.member.id);
    expect(member.collectiveSubject).toBeNull();
    expect(member.links).toEqual([expect.objectContaining({ otherCaseId: cases.collective.id, collectiveCaseId: cases.collective.id })]);
    expect((await supervisor.post(`/api/cases/${cases.collective.id}/collective-subject`, { kind: 'radio', name: 'X' })).status).toBe(400);
  });
});

describe('audited search', () => {
  const search = async (client: StaffClient, q: string) => {
    const response = await client.post('/api/cases/search', { q });
    expect(response.status).toBe(200);
    return CaseSearchResult.parse(await response.json());
  };
  const found = (result: CaseSearchResult) => result.items.map((item) => item.caseId).sort();

  it('finds a case by a word of its request, with or without accents and capitals', async () => {
    expect((await caseworker.post(`/api/cases/${cases.searched.id}/notes`, { body: `Rappeler le voisin ${noteWord}.` })).status).toBe(201);
    expect((await caseworker.post(`/api/cases/${cases.searched.id}/messages`, { body: `Pouvez-vous confirmer le quartier ${threadWord} ?` })).status).toBe(201);

    const byWord = await search(supervisor, word.toUpperCase());
    expect(found(byWord)).toEqual([cases.searched.id, cases.other.id].sort());
    expect(byWord.items.find((item) => item.caseId === cases.searched.id)).toEqual({
      caseId: cases.searched.id,
      reference: cases.searched.reference,
      status: 'received',
      urgent: false,
      matchedIn: ['request'],
    });
    // Accent-insensitive both ways: "segou" finds "Ségou", "ENLÈVEMENT" finds "Enlèvement", "énlevement" too.
    expect(found(await search(supervisor, `segou ${word}`))).toEqual([cases.searched.id, cases.other.id].sort());
    expect(found(await search(supervisor, `ÉNLEVEMENT ${word}`))).toEqual([cases.searched.id]);
    expect((await search(supervisor, noteWord)).items).toEqual([expect.objectContaining({ caseId: cases.searched.id, matchedIn: ['journal'] })]);
    expect((await search(supervisor, `${threadWord} ${word}`)).items).toEqual([
      expect.objectContaining({ caseId: cases.searched.id, matchedIn: ['request', 'thread'] }),
    ]);
  });

  it('returns only the cases the caller holds', async () => {
    const result = await search(caseworker, word);
    expect(found(result)).toEqual([cases.searched.id]);
    // The caseworker holds two cases (A and the searched one).
    expect(result.examined).toBe(2);
  });

  it('refuses a query too short, too long or missing', async () => {
    expect((await supervisor.post('/api/cases/search', { q: ' a ' })).status).toBe(400);
    expect((await supervisor.post('/api/cases/search', { q: 'x'.repeat(201) })).status).toBe(400);
    expect((await supervisor.post('/api/cases/search', {})).status).toBe(400);
  });

  it('audits each search with two counts and never the words searched for', async () => {
    const marker = `zq${Math.random().toString(36).slice(2, 10)}`;
    const result = await search(supervisor, `${word} ${marker}`);
    expect(result).toMatchObject({ items: [], matched: 0, limit: 50 });
    const rows = await asOwner<{ actor_id: string; target_id: string | null; details: unknown }>(
      portal,
      "SELECT actor_id, target_id, details FROM audit_event WHERE action = 'case.searched' ORDER BY seq DESC LIMIT 1",
    );
    expect(rows).toEqual([{ actor_id: supervisor.id, target_id: null, details: { examined: result.examined, matched: 0 } }]);
    const everything = JSON.stringify(await asOwner(portal, 'SELECT * FROM audit_event'));
    for (const searched of [marker, word, noteWord, threadWord]) expect(everything.toLowerCase()).not.toContain(searched);
  });
});
