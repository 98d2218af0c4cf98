import type { Page, Request } from 'playwright-core';
import type { RunningPortal } from '../../apps/api/src/boot.js';
import { accessibilityProblems, launchBrowser, type Browser } from '../support/browser.js';
import { startTestPortal } from '../support/test-portal.js';

/*
 * Files and voice after the receipt, in a real Chromium with a fake
 * microphone, against the real portal: a photo carrying GPS reaches the
 * server without it (checked on the bytes the browser sent), a recorded
 * voice message is sent, and both show in the follow-up thread.
 */

const SLOW = 120_000;
/** The phone's make written in the photo's EXIF: must not leave the browser. */
const MAKE = 'MNPDDH-TESTPHONE';

/**
 * The same JPEG with an APP1 Exif segment right after SOI: IFD0 with Make
 * and a GPS IFD (GPSLatitudeRef N, GPSLatitude 12° 38' 5" — Bamako).
 */
function withGpsExif(jpeg: Buffer): Buffer {
  const tiff = Buffer.alloc(110);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(2, 8);
  // Make: ASCII, 17 bytes at 38.
  tiff.writeUInt16BE(0x010f, 10);
  tiff.writeUInt16BE(2, 12);
  tiff.writeUInt32BE(17, 14);
  tiff.writeUInt32BE(38, 18);
  // GPSInfo: the GPS IFD at 56.
  tiff.writeUInt16BE(0x8825, 22);
  tiff.writeUInt16BE(4, 24);
  tiff.writeUInt32BE(1, 26);
  tiff.writeUInt32BE(56, 30);
  tiff.writeUInt32BE(0, 34);
  tiff.write(`${MAKE}\0`, 38, 'latin1');
  tiff.writeUInt16BE(2, 56);
  tiff.writeUInt16BE(0x0001, 58);
  tiff.writeUInt16BE(2, 60);
  tiff.writeUInt32BE(2, 62);
  tiff.write('N\0', 66, 'latin1');
  tiff.writeUInt16BE(0x0002, 70);
  tiff.writeUInt16BE(5, 72);
  tiff.writeUInt32BE(3, 74);
  tiff.writeUInt32BE(86, 78);
  tiff.writeUInt32BE(0, 82);
  [12, 38, 5].forEach((value, index) => {
    tiff.writeUInt32BE(value, 86 + index * 8);
    tiff.writeUInt32BE(1, 90 + index * 8);
  });
  const header = Buffer.from('Exif\0\0', 'latin1');
  const length = 2 + header.length + tiff.length;
  const segment = Buffer.concat([Buffer.from([0xff, 0xe1, length >> 8, length & 0xff]), header, tiff]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/** Markers of the metadata: the Exif header, the make, the GPS IFD tag and the latitude's first rational. */
const GPS_MARKERS = [
  Buffer.from('Exif\0\0', 'latin1'),
  Buffer.from(MAKE, 'latin1'),
  Buffer.from([0x88, 0x25, 0x00, 0x04]),
  Buffer.from([0, 0, 0, 12, 0, 0, 0, 1, 0, 0, 0, 38]),
];

/** A small photo drawn by the browser itself (a real JPEG), with the GPS EXIF spliced in. */
async function photoWithGps(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    for (let i = 0; i < 300; i++) {
      context.fillStyle = `hsl(${(i * 37) % 360} 70% 50%)`;
      context.fillRect((i * 13) % 320, (i * 7) % 240, 12, 12);
    }
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    if (!blob) throw new Error('no JPEG');
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return withGpsExif(Buffer.from(bytes));
}

describe('files and voice after the receipt, in a real browser with a fake microphone', () => {
  let portal: RunningPortal;
  let browser: Browser;
  let receipt = '';
  /** What the browser sent: the announced uploads (POST) and every piece (PATCH), by upload id. */
  const announced = new Map<string, { kind: string; name: string; type: string; keepOriginal: boolean }>();
  const pieces = new Map<string, Buffer[]>();

  beforeAll(async () => {
    portal = await startTestPortal();
    browser = await launchBrowser({ args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  async function phone(): Promise<Page> {
    const page = await browser.newPage(360);
    await page.setViewportSize({ width: 360, height: 740 });
    page.setDefaultTimeout(45_000);
    await page.route('**/api/follow-up/uploads/*', async (route) => {
      const request: Request = route.request();
      const match = new URL(request.url()).pathname.match(/^\/api\/follow-up\/uploads\/([^/]+)$/);
      if (match?.[1] && request.method() === 'PATCH') {
        const list = pieces.get(match[1]) ?? [];
        list.push(request.postDataBuffer() ?? Buffer.alloc(0));
        pieces.set(match[1], list);
      }
      await route.continue();
    });
    page.on('response', async (response) => {
      const request = response.request();
      if (new URL(request.url()).pathname !== '/api/follow-up/uploads' || request.method() !== 'POST' || response.status() !== 201) return;
      const created = (await response.json()) as { uploadId: string };
      announced.set(created.uploadId, request.postDataJSON() as { kind: string; name: string; type: string; keepOriginal: boolean });
    });
    return page;
  }

  async function expectAccessible(page: Page, label: string) {
    expect({ label, problems: await accessibilityProblems(page) }).toEqual({ label, problems: [] });
  }

  it(
    'sends a photo without its GPS and a recorded voice message from the receipt screen',
    async () => {
      const page = await phone();
      await page.goto(`${portal.url}/demande`);
      await page.getByLabel('Que se passe-t-il').fill('Des hommes armés ont menacé notre association hier soir. Ils ont pris des photos de nos bureaux.');
      await page
        .getByRole('group', { name: /arrêtée, détenue ou disparue/ })
        .getByLabel('Non')
        .check();
      await page
        .getByRole('group', { name: /vie d’une personne/ })
        .getByLabel('Non')
        .check();
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByRole('heading', { name: 'Comment vous joindre' }).waitFor();
      await page.getByLabel('Appel ou SMS').check();
      await page.getByLabel(/Numéro de téléphone/).fill('+223 76 12 34 56');
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByRole('heading', { name: /Votre accord/ }).waitFor();
      await page.getByLabel(/J’accepte que l’équipe protection de la CNDH utilise/).check();
      await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
      await page.getByRole('heading', { name: 'Votre demande est envoyée' }).waitFor();
      receipt = ((await page.locator('.receipt-code__digits').textContent()) ?? '').replace(/\D/g, '');
      expect(receipt).toMatch(/^\d{24}$/);

      // The photo: what it reveals is said before anything is chosen; the original is not kept by default.
      await page.getByRole('heading', { name: 'Ajouter un fichier ou une photo' }).waitFor();
      await page.getByText('une photo peut montrer où et quand elle a été prise').waitFor();
      const keep = page.getByLabel('Garder l’original comme preuve (il peut révéler le lieu)');
      expect(await keep.isChecked()).toBe(false);
      await expectAccessible(page, 'receipt with uploads');

      const photo = await photoWithGps(page);
      for (const marker of GPS_MARKERS) expect(photo.includes(marker)).toBe(true);
      await page.getByLabel('Choisir des fichiers ou des photos').setInputFiles({ name: 'photo-bureau.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.getByText(/1 fichier choisi/).waitFor();
      await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
      await page
        .locator('.upload-item')
        .getByText(/Envoyé\s:\s«\sphoto-bureau\.jpg\s»/)
        .waitFor();

      // The voice message: the warning, two seconds on the fake microphone, listen again, send.
      await page.getByText('une voix permet de reconnaître une personne').waitFor();
      await page.getByRole('button', { name: 'Commencer l’enregistrement' }).click();
      await page.getByText('Enregistrement en cours').waitFor();
      await expectAccessible(page, 'recording');
      await page.waitForTimeout(2_000);
      await page.getByRole('button', { name: 'Arrêter' }).click();
      await page.locator('audio').waitFor();
      // The button pressed went away: focus is on the next step.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Envoyer le message vocal');
      await expectAccessible(page, 'recorded');
      await page.getByRole('button', { name: 'Envoyer le message vocal' }).click();
      await page
        .locator('.upload-item')
        .getByText(/Envoyé\s:\s«\sMessage vocal\s»/)
        .waitFor();
      await expectAccessible(page, 'uploads sent');

      // What left the browser: a clean JPEG, and an Opus voice message.
      const byKind = (kind: string) => [...announced].filter(([, start]) => start.kind === kind).map(([id, start]) => ({ id, start }));
      const [sentPhoto] = byKind('file');
      const [sentVoice] = byKind('voice');
      expect(sentPhoto?.start).toMatchObject({ name: 'photo-bureau.jpg', type: 'image/jpeg', keepOriginal: false });
      const photoBytes = Buffer.concat(pieces.get(sentPhoto?.id ?? '') ?? []);
      expect(photoBytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      for (const marker of GPS_MARKERS) expect(photoBytes.includes(marker)).toBe(false);
      expect(sentVoice?.start).toMatchObject({ kind: 'voice', keepOriginal: false });
      expect(['audio/webm', 'audio/ogg']).toContain(sentVoice?.start.type);
      const voiceBytes = Buffer.concat(pieces.get(sentVoice?.id ?? '') ?? []);
      expect(voiceBytes.length).toBeGreaterThan(1000);
      // WebM (EBML) or Ogg.
      expect([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('OggS')]).toContainEqual(voiceBytes.subarray(0, 4));

      // Nothing of the file was kept on the device.
      const stored = await page.evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        databases: (await indexedDB.databases()).length,
        caches: 'caches' in window ? (await caches.keys()).length : 0,
      }));
      expect(stored).toEqual({ local: 0, session: 0, databases: 0, caches: 0 });

      await page.getByLabel('J’ai noté mon reçu').check();
      await page.getByRole('button', { name: 'Terminer' }).click();
      await page.getByRole('heading', { name: /C’est terminé/ }).waitFor();
      await page.close();
    },
    SLOW,
  );

  it(
    'shows both in the follow-up thread, named but never played back',
    async () => {
      expect(receipt).toMatch(/^\d{24}$/);
      const page = await phone();
      await page.goto(`${portal.url}/suivi`);
      await page.getByLabel('Votre reçu').fill(receipt);
      await page.getByRole('button', { name: 'Ouvrir' }).click();
      await page.getByRole('heading', { name: 'Votre demande', exact: true }).waitFor();
      const thread = page.locator('.thread');
      await thread.getByText(/Fichier envoyé\s:\sphoto-bureau\.jpg/).waitFor();
      await thread.getByText('Message vocal envoyé').waitFor();
      expect(await thread.locator('audio, img, a').count()).toBe(0);
      await page.getByRole('heading', { name: 'Ajouter un fichier ou une photo' }).waitFor();
      await expectAccessible(page, 'follow-up with uploads');
      await page.getByRole('button', { name: 'Terminer' }).click();
      await page.getByRole('heading', { name: 'Vous avez terminé' }).waitFor();
      await page.close();
    },
    SLOW,
  );

  it('never requests anything from another origin', () => {
    const origin = new URL(portal.url).origin;
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(browser.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  });
});
