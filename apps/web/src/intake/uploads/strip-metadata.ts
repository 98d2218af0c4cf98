/*
 * Removing what a photo says about where, when and with which phone it was
 * taken (EXIF, GPS, XMP, IPTC, maker notes, comments) before it leaves the
 * browser. No library: the picture is decoded and drawn again on a canvas,
 * and the new file holds only pixels. Nothing of the original container is
 * copied, so no metadata block can survive, whatever its kind. The EXIF
 * orientation is applied while decoding, so the photo keeps its way up.
 * Everything stays in memory: no file is written to the device.
 *
 * Browsers that block reading a canvas back (Tor Browser asks first, and
 * gives a blank picture when refused) are found with a tiny probe: the photo
 * is then not cleaned, and the person is told, instead of sending a blank.
 */

/** Types the browser can both decode and encode again. */
const REENCODE: Record<string, string> = {
  'image/jpeg': 'image/jpeg',
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/png': 'image/png',
  'image/webp': 'image/webp',
};

const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** Low-end phones refuse larger canvases (and run out of memory): about 16.7 million pixels. */
const MAX_PIXELS = 16_777_216;

/** High enough to keep details readable as evidence; re-encoding a JPEG never gives it back its original bytes anyway. */
const JPEG_QUALITY = 0.92;

export function isImage(file: Blob): boolean {
  return file.type.startsWith('image/');
}

/** Whether this browser can clean this image (JPEG, PNG, WebP). HEIC, TIFF, GIF… cannot be cleaned here. */
export function canClean(file: Blob): boolean {
  return file.type in REENCODE && typeof createImageBitmap === 'function';
}

function encode(bitmap: ImageBitmap, width: number, height: number, type: string): Promise<Blob | null> {
  const quality = type === 'image/png' ? undefined : JPEG_QUALITY;
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return Promise.resolve(null);
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type, quality }).catch(() => null);
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.resolve(null);
  context.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

/** The new name: the same, with the extension of the new type (a PNG saved as WebP fallback, say). */
function renamed(name: string, type: string): string {
  const extension = EXTENSION[type] ?? 'bin';
  const base = name.replace(/\.[^.]*$/, '') || 'photo';
  return `${base}.${extension}`;
}

/** Whether pixels drawn on a canvas can be read back unchanged (not blocked or blanked). */
function canvasReadable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    canvas.width = 2;
    canvas.height = 1;
    const context = canvas.getContext('2d');
    if (!context) return false;
    context.fillStyle = '#ff0000';
    context.fillRect(0, 0, 1, 1);
    context.fillStyle = '#0000ff';
    context.fillRect(1, 0, 1, 1);
    const [r1 = 0, g1 = 0, b1 = 0, , r2 = 0, g2 = 0, b2 = 0] = context.getImageData(0, 0, 2, 1).data;
    // A few units of noise (anti-fingerprinting) would still be the same picture.
    return r1 > 240 && g1 < 16 && b1 < 16 && r2 < 16 && g2 < 16 && b2 > 240;
  } catch {
    return false;
  }
}

export interface Cleaned {
  blob: Blob;
  name: string;
  type: string;
}

/**
 * The same picture without any metadata, or null when this browser cannot
 * do it (the caller then says so and does not send the original silently).
 */
export async function stripImageMetadata(file: File): Promise<Cleaned | null> {
  const wanted = REENCODE[file.type];
  if (!wanted || !canClean(file) || !canvasReadable()) return null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  try {
    const scale = Math.min(1, Math.sqrt(MAX_PIXELS / (bitmap.width * bitmap.height)));
    const width = Math.max(1, Math.floor(bitmap.width * scale));
    const height = Math.max(1, Math.floor(bitmap.height * scale));
    let blob = await encode(bitmap, width, height, wanted);
    // Some browsers cannot write WebP: a PNG holds the same pixels.
    if (blob && blob.type !== wanted) blob = blob.type === 'image/png' ? blob : null;
    if (!blob) return null;
    return { blob, name: renamed(file.name, blob.type), type: blob.type };
  } finally {
    bitmap.close();
  }
}
