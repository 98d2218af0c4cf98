/**
 * What a defender's upload is, decided from its first bytes (magic numbers),
 * never from its name or declared type; and whether an image still carries
 * metadata (EXIF, GPS, XMP) the browser should have stripped.
 *
 * Nothing is decoded or decompressed here (no image or audio decoder runs on
 * the server): only container headers are read, so decompression bombs do
 * not apply. Staff download files as attachments, never rendered inline.
 */

export type FileKind = 'file' | 'voice';

export interface DetectedType {
  /** The MIME type recorded for the file, from its bytes. */
  readonly mime: string;
  /** An image whose metadata segments are checked. */
  readonly image: boolean;
  /** A container that can hold a voice recording. */
  readonly audio: boolean;
}

/** Bytes the first piece of an upload must carry (or the whole file if smaller) to be checked. */
export const FIRST_PIECE_BYTES = 64 * 1024;

const ascii = (bytes: Uint8Array, at: number, length: number) => Buffer.from(bytes.subarray(at, at + length)).toString('latin1');

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
}

/** The type from the magic numbers, or null when it is none of the accepted ones. */
export function detectType(bytes: Uint8Array, kind: FileKind, declared: string): DetectedType | null {
  const audioLabel = kind === 'voice' || declared.startsWith('audio/');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', image: true, audio: false };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', image: true, audio: false };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { mime: 'image/webp', image: true, audio: false };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return { mime: 'audio/wav', image: false, audio: true };
  if (ascii(bytes, 0, 5) === '%PDF-') return { mime: 'application/pdf', image: false, audio: false };
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { mime: audioLabel ? 'audio/webm' : 'video/webm', image: false, audio: true };
  if (ascii(bytes, 0, 4) === 'OggS') return { mime: 'audio/ogg', image: false, audio: true };
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    const m4a = brand === 'M4A ' || brand === 'M4B ';
    return { mime: m4a || audioLabel ? 'audio/mp4' : 'video/mp4', image: false, audio: true };
  }
  if (ascii(bytes, 0, 3) === 'ID3') return { mime: 'audio/mpeg', image: false, audio: true };
  // MPEG audio frame sync (11 bits), layer III
  const b1 = bytes[1] ?? 0;
  if (bytes.length >= 4 && bytes[0] === 0xff && (b1 & 0xe0) === 0xe0 && ((b1 >> 1) & 3) === 1) {
    return { mime: 'audio/mpeg', image: false, audio: true };
  }
  return null;
}

export type MetadataVerdict = 'none' | 'present' | 'unknown';

const JPEG_METADATA = ['Exif\0', 'http://ns.adobe.com/xap/1.0/', 'http://ns.adobe.com/xmp/extension/', 'Photoshop 3.0'];

/**
 * Whether the image's headers carry EXIF/GPS/XMP: 'unknown' when the bytes
 * end before the image data starts (the caller refuses rather than guesses).
 */
export function imageMetadata(bytes: Uint8Array, mime: string): MetadataVerdict {
  if (mime === 'image/jpeg') return jpegMetadata(bytes);
  if (mime === 'image/png') return pngMetadata(bytes);
  if (mime === 'image/webp') return webpMetadata(bytes);
  return 'none';
}

function jpegMetadata(bytes: Uint8Array): MetadataVerdict {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return 'unknown';
    const marker = bytes[at + 1] as number;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return 'none'; // image data (or the end) reached
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number);
    if (length < 2) return 'unknown';
    if (marker === 0xe1 || marker === 0xed) {
      const head = ascii(bytes, at + 4, Math.min(length - 2, 40));
      if (JPEG_METADATA.some((label) => head.startsWith(label) || label.startsWith(head))) return 'present';
    }
    at += 2 + length;
  }
  return 'unknown';
}

function pngMetadata(bytes: Uint8Array): MetadataVerdict {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  while (at + 8 <= view.length) {
    const length = view.readUInt32BE(at);
    const type = ascii(view, at + 4, 4);
    if (type === 'IDAT' || type === 'IEND') return 'none';
    if (type === 'eXIf') return 'present';
    if ((type === 'iTXt' || type === 'tEXt' || type === 'zTXt') && ascii(view, at + 8, 17) === 'XML:com.adobe.xmp') return 'present';
    at += 12 + length;
  }
  return 'unknown';
}

function webpMetadata(bytes: Uint8Array): MetadataVerdict {
  // The first chunk says it all: a simple file (VP8, VP8L) has no room for metadata;
  // an extended one (VP8X) flags EXIF (0x08) and XMP (0x04) chunks, which come after the image.
  const first = ascii(bytes, 12, 4);
  if (first === 'VP8 ' || first === 'VP8L') return 'none';
  if (first !== 'VP8X' || bytes.length < 21) return 'unknown';
  return ((bytes[20] as number) & 0x0c) !== 0 ? 'present' : 'none';
}
