/**
 * The plain (no-JavaScript) forms against SECURITY.md's adversaries: a post
 * from another site (no token, a foreign Sec-Fetch-Site, another visitor's
 * token), a draft tampered with or made for another form, and hostile values
 * rendered as text. Nothing is written to the database when a post is refused.
 * A form posted twice (back button, "resend?", a second tap on a slow line)
 * writes once.
 */
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { asOwner } from '../support/staff.js';
import { startTestPortal } from '../support/test-portal.js';

let portal: RunningPortal;

beforeAll(async () => {
  portal = await startTestPortal();
}, 120_000);

afterAll(async () => {
  await portal?.close();
});

interface FormPage {
  cookie: string;
  token: string;
  draft: string;
  html: string;
}

/** The first page of the request as a browser gets it: the form cookie, the token and the sealed draft. */
async function firstPage(): Promise<FormPage> {
  const answer = await fetch(`${portal.url}/simple/demande`);
  const html = await answer.text();
  const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
  return { cookie, token: field('_token'), draft: field('_draft'), html };
}

const completeRequest = {
  summary: 'Menaces reçues par téléphone cette semaine.',
  'rightNow.detainedOrMissing': 'no',
  'rightNow.lifeInDanger': 'no',
  'contact.methods': 'no_contact',
  'consent.processing': 'on',
};

/** Posts the first two pages from the visitor's own page: the draft that reaches the last page. */
async function draftAtLastPage(page: FormPage): Promise<string> {
  let draft = page.draft;
  for (const step of ['0', '1']) {
    const answer = await post(
      '/simple/demande',
      { ...completeRequest, _token: page.token, _draft: draft, _step: step, _go: 'next' },
      { cookie: page.cookie, 'sec-fetch-site': 'same-origin' },
    );
    draft = /name="_draft" value="([^"]*)"/.exec(await answer.text())?.[1] ?? '';
  }
  return draft;
}

function post(path: string, fields: Record<string, string>, headers: Record<string, string>): Promise<Response> {
  return fetch(`${portal.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

async function caseCount(): Promise<number> {
  const [row] = await asOwner<{ n: string }>(portal, 'SELECT count(*)::text AS n FROM protection_case');
  return Number(row?.n ?? 0);
}

describe('plain forms', () => {
  it('files a request sent from its own page (token, cookie, same-origin)', async () => {
    const page = await firstPage();
    const before = await caseCount();
    const answer = await post(
      '/simple/demande',
      { ...completeRequest, _token: page.token, _draft: await draftAtLastPage(page), _step: '2', _go: 'send' },
      { cookie: page.cookie, 'sec-fetch-site': 'same-origin' },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.text()).toMatch(/Votre demande est envoyée/);
    expect(await caseCount()).toBe(before + 1);
  });

  it.each([
    ['without the token', (page: FormPage) => ({ fields: { _token: '' }, headers: { cookie: page.cookie } })],
    ['with another visitor’s token', (page: FormPage, other: FormPage) => ({ fields: { _token: other.token }, headers: { cookie: page.cookie } })],
    ['without the form cookie', () => ({ fields: {}, headers: {} })],
    ['from another site', (page: FormPage) => ({ fields: {}, headers: { cookie: page.cookie, 'sec-fetch-site': 'cross-site' } })],
    ['with another origin', (page: FormPage) => ({ fields: {}, headers: { cookie: page.cookie, origin: 'https://evil.example' } })],
  ])('refuses a post %s and writes nothing', async (_name, attack) => {
    const page = await firstPage();
    const other = await firstPage();
    const { fields, headers } = attack(page, other);
    const draft = await draftAtLastPage(page);
    const before = await caseCount();
    const answer = await post('/simple/demande', { ...completeRequest, _token: page.token, _draft: draft, _step: '2', _go: 'send', ...fields }, headers);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/n’a pas pu être vérifié/);
    expect(await caseCount()).toBe(before);
  });

  it('refuses a draft tampered with, or one made for another form', async () => {
    const page = await firstPage();
    const [expiry, body] = page.draft.split('.');
    const flipped = `${expiry}.${body?.slice(0, -2)}${body?.endsWith('A') ? 'B' : 'A'}${body?.slice(-1)}`;
    const later = `${Number(expiry) + 1}.${body}`;
    for (const draft of [flipped, later, 'not-a-draft']) {
      const answer = await post('/simple/demande', { ...completeRequest, _token: page.token, _draft: draft, _step: '0', _go: 'next' }, { cookie: page.cookie });
      expect(answer.status).toBe(400);
      expect(await answer.text()).toMatch(/a expiré/);
    }
  });

  it('keeps nothing readable in the page: the draft is sealed, the typed text only in its own field', async () => {
    const page = await firstPage();
    const answer = await post(
      '/simple/demande',
      {
        summary: 'Texte très secret',
        'rightNow.detainedOrMissing': 'no',
        'rightNow.lifeInDanger': 'no',
        _token: page.token,
        _draft: page.draft,
        _step: '0',
        _go: 'next',
      },
      { cookie: page.cookie },
    );
    const html = await answer.text();
    expect(answer.status).toBe(200);
    // Step 2 now: the summary travels only inside the sealed draft.
    expect(html).not.toMatch(/Texte très secret/);
    expect(html).toMatch(/name="_step" value="1"/);
  });

  it('renders hostile text as text', async () => {
    const page = await firstPage();
    const answer = await post(
      '/simple/demande',
      { summary: '<script>alert(1)</script>"><img src=x onerror=alert(1)>', _token: page.token, _draft: page.draft, _step: '0', _go: 'next' },
      { cookie: page.cookie },
    );
    const html = await answer.text();
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/<img src=x/);
    expect(html).toMatch(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('answers a follow-up post without a session with the receipt form (401), and writes nothing', async () => {
    const page = await firstPage();
    const answer = await post('/simple/suivi/message', { body: 'Bonjour', _token: page.token }, { cookie: page.cookie });
    expect(answer.status).toBe(401);
    expect(await answer.text()).toMatch(/Votre reçu/);
  });
});

/** A request filed from its own pages: the receipt page's text. */
async function fileRequest(page: FormPage): Promise<string> {
  const answer = await post(
    '/simple/demande',
    { ...completeRequest, _token: page.token, _draft: await draftAtLastPage(page), _step: '2', _go: 'send' },
    { cookie: page.cookie, 'sec-fetch-site': 'same-origin' },
  );
  expect(answer.status).toBe(200);
  return answer.text();
}

const fieldOf = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

async function messageCount(reference: string): Promise<number> {
  const [row] = await asOwner<{ n: number }>(
    portal,
    "SELECT count(*)::int AS n FROM case_message m JOIN protection_case c ON c.id = m.case_id WHERE c.reference = $1 AND m.sender = 'defender'",
    [reference],
  );
  return row?.n ?? 0;
}

describe('a plain form posted twice', () => {
  it('files one request: the second "Envoyer maintenant" gets the first receipt back', async () => {
    const page = await firstPage();
    const draft = await draftAtLastPage(page);
    const before = await caseCount();
    const fields = { ...completeRequest, _token: page.token, _draft: draft, _step: '2', _go: 'send' };
    const headers = { cookie: page.cookie, 'sec-fetch-site': 'same-origin' };
    const [first, second] = await Promise.all([post('/simple/demande', fields, headers), post('/simple/demande', fields, headers)]);
    const third = await post('/simple/demande', fields, headers);
    const references = await Promise.all([first, second, third].map(async (answer) => /id="reference">([^<]+)</.exec(await answer.text())?.[1]));
    expect(references[0]).toMatch(/\S/);
    expect(new Set(references)).toEqual(new Set([references[0]]));
    expect(await caseCount()).toBe(before + 1);
  }, 120_000);

  it('asks for one call back', async () => {
    const page = await fetch(`${portal.url}/simple/rappel`);
    const html = await page.text();
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const fields = {
      _token: fieldOf(html, '_token'),
      _once: fieldOf(html, '_once'),
      phone: '+223 70 11 22 33',
      lifeInDanger: 'no',
      'consent.processing': 'on',
    };
    expect(fields._once).toMatch(/^[\w-]{32}$/);
    const before = await caseCount();
    const answers = await Promise.all([1, 2].map(() => post('/simple/rappel', fields, { cookie, 'sec-fetch-site': 'same-origin' })));
    const again = await post('/simple/rappel', fields, { cookie, 'sec-fetch-site': 'same-origin' });
    for (const answer of [...answers, again]) expect(answer.status).toBe(200);
    expect(await caseCount()).toBe(before + 1);
    // A new form (a new one-time key) is a new request.
    const fresh = await fetch(`${portal.url}/simple/rappel`, { headers: { cookie } });
    expect((await post('/simple/rappel', { ...fields, _once: fieldOf(await fresh.text(), '_once') }, { cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(
      200,
    );
    expect(await caseCount()).toBe(before + 2);
  }, 120_000);

  it('sends one reply and one set of details in follow-up', async () => {
    const page = await firstPage();
    const receiptHtml = await fileRequest(page);
    const receipt = (/id="receipt"><strong>([\d ]+)</.exec(receiptHtml)?.[1] ?? '').replace(/\s/g, '');
    const reference = /id="reference">([^<]+)</.exec(receiptHtml)?.[1] ?? '';
    const headers = { cookie: page.cookie, 'sec-fetch-site': 'same-origin' };
    const opened = await post('/simple/suivi', { _token: page.token, receipt }, headers);
    expect(opened.status).toBe(303);
    const session = (opened.headers.getSetCookie().find((line) => line.startsWith('mnpddh_follow_up=')) ?? '').split(';')[0] ?? '';
    const both = { cookie: `${page.cookie}; ${session}`, 'sec-fetch-site': 'same-origin' };
    const thread = await (await fetch(`${portal.url}/simple/suivi`, { headers: both })).text();
    const onces = [...thread.matchAll(/name="_once" value="([^"]*)"/g)].map((match) => match[1] as string);
    expect(new Set(onces).size).toBe(onces.length);

    const before = await messageCount(reference);
    const reply = { _token: page.token, _once: onces[0] as string, body: 'Oui, après 20 h.' };
    const replies = await Promise.all([1, 2].map(() => post('/simple/suivi/message', reply, both)));
    replies.push(await post('/simple/suivi/message', reply, both));
    expect(replies.map((answer) => answer.status)).toEqual([303, 303, 303]);
    expect(await messageCount(reference)).toBe(before + 1);

    const details = { _token: page.token, _once: onces[1] as string, 'location.region': 'segou' };
    for (let i = 0; i < 2; i++) expect((await post('/simple/suivi/details', details, both)).status).toBe(303);
    expect(await messageCount(reference)).toBe(before + 2);
  }, 180_000);
});
