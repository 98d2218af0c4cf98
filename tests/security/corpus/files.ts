import { deflateSync, gzipSync } from 'node:zlib';
import type { FilePayload } from './payload.js';

const MiB = 1024 * 1024;

function file(name: string, fileName: string, declaredType: string, bytes: Buffer, uploadKind: 'file' | 'voice' = 'file'): FilePayload {
  return { id: `file/${name}`, category: 'file', kind: 'file', name: fileName, declaredType, uploadKind, bytes };
}

/** A PNG chunk: length, type, data, CRC-32. */
function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([head, typed, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A valid PNG header declaring 65 535 × 65 535 pixels whose IDAT inflates to 32 MiB of zeros (a pixel bomb, 32 KiB on the wire). */
function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(65_535, 0);
  ihdr.writeUInt32BE(65_535, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(32 * MiB), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG whose APP1 segment is EXIF with a GPS tag (what the browser should have stripped). */
function jpegWithExif(): Buffer {
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('MM\0*\0\0\0\x08\0\x01\x88\x25\0\x04\0\0\0\x01\0\0\0\0', 'latin1')]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(exif.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), length, exif, Buffer.from([0xff, 0xd9])]);
}

const SVG_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"><script>window.__pwned=1</script></svg>';

/** Files whose name or declared type lies, bombs, and active content: against the upload route. */
export function hostileFiles(): FilePayload[] {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type/Catalog/OpenAction <</S/JavaScript/JS (app.alert(1))>> >> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
  return [
    file('pdf-named-jpg', 'photo.jpg', 'image/jpeg', pdf),
    file('pdf-with-javascript', 'plainte.pdf', 'application/pdf', pdf),
    file('exe-named-pdf', 'plainte.pdf', 'application/pdf', Buffer.concat([Buffer.from('MZ\x90\0', 'latin1'), Buffer.alloc(2048, 0x41)])),
    file('elf-named-mp3', 'message.mp3', 'audio/mpeg', Buffer.concat([Buffer.from('\x7fELF', 'latin1'), Buffer.alloc(2048)]), 'voice'),
    file('html-named-png', 'photo.png', 'image/png', Buffer.from('<html><script>window.__pwned=1</script></html>')),
    file('svg-with-script', 'photo.svg', 'image/svg+xml', Buffer.from(SVG_SCRIPT)),
    file('svg-named-png', 'photo.png', 'image/png', Buffer.from(SVG_SCRIPT)),
    file('gif-js-polyglot', 'photo.gif', 'image/gif', Buffer.from('GIF89a/*\x00\x00*/=1;window.__pwned=1;', 'latin1')),
    file('png-pixel-bomb', 'photo.png', 'image/png', pngBomb()),
    file('gzip-bomb-named-pdf', 'rapport.pdf', 'application/pdf', gzipSync(Buffer.alloc(64 * MiB), { level: 9 })),
    file(
      'zip-named-docx',
      'rapport.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(1024)]),
    ),
    file('jpeg-with-gps', 'photo.jpg', 'image/jpeg', jpegWithExif()),
    file('pdf-as-voice', 'message.ogg', 'audio/ogg', pdf, 'voice'),
    file('name-traversal', '../../../etc/passwd', 'text/plain', pdf),
    file('name-script', '<img src=x onerror=window.__pwned=1>.pdf', 'application/pdf', pdf),
    file('empty-like', 'vide.pdf', 'application/pdf', Buffer.from('%PDF-')),
  ];
}
