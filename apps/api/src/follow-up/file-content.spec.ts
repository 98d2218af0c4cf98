import { describe, expect, test } from '@jest/globals';
import { detectType, imageMetadata } from './file-content.js';

const hex = (value: string) => Buffer.from(value.replace(/\s/g, ''), 'hex');
const text = (value: string) => Buffer.from(value, 'latin1');

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, data, Buffer.alloc(4)]);
}
const PNG = hex('89504e470d0a1a0a');
const ihdr = pngChunk('IHDR', Buffer.alloc(13));
const idat = pngChunk('IDAT', Buffer.alloc(10));

function webp(first: string, data: Buffer): Buffer {
  const chunk = Buffer.concat([text(first), Buffer.alloc(4), data]);
  chunk.writeUInt32LE(data.length, 4);
  return Buffer.concat([text('RIFF'), Buffer.alloc(4), text('WEBP'), chunk]);
}

describe('type by content', () => {
  test.each([
    ['image/jpeg', hex('ffd8ffe000104a464946')],
    ['image/png', Buffer.concat([PNG, ihdr])],
    ['image/webp', webp('VP8 ', Buffer.alloc(10))],
    ['audio/wav', Buffer.concat([text('RIFF'), Buffer.alloc(4), text('WAVEfmt ')])],
    ['application/pdf', text('%PDF-1.4\n')],
    ['video/webm', hex('1a45dfa3a342868101')],
    ['audio/ogg', text('OggS\0\x02')],
    ['audio/mp4', Buffer.concat([hex('00000020'), text('ftypM4A '), Buffer.alloc(8)])],
    ['video/mp4', Buffer.concat([hex('00000020'), text('ftypisom'), Buffer.alloc(8)])],
    ['audio/mpeg', text('ID3\x04\0\0')],
    ['audio/mpeg', hex('fffb9064')],
  ])('%s', (mime, bytes) => {
    expect(detectType(bytes, 'file', 'application/octet-stream')?.mime).toBe(mime);
  });

  test('a voice message in WebM or MP4 is recorded as audio; unknown bytes and ADTS/other frames are refused', () => {
    expect(detectType(hex('1a45dfa3a342868101'), 'voice', '')?.mime).toBe('audio/webm');
    expect(detectType(Buffer.concat([hex('00000020'), text('ftypiso5'), Buffer.alloc(8)]), 'voice', '')?.mime).toBe('audio/mp4');
    expect(detectType(text('MZ\x90\0'), 'file', 'image/jpeg')).toBeNull();
    expect(detectType(hex('fff15080'), 'voice', 'audio/aac')).toBeNull();
    expect(detectType(text('<svg xmlns='), 'file', 'image/svg+xml')).toBeNull();
  });
});

describe('image metadata', () => {
  const app1 = (payload: string) => {
    const body = text(payload);
    const head = hex('ffe10000');
    head.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([head, body]);
  };
  const sos = hex('ffda000801010000 3f00');

  test('JPEG: EXIF or XMP before the scan is present; none when the scan comes first; unknown when cut short', () => {
    expect(imageMetadata(Buffer.concat([hex('ffd8'), app1('Exif\0\0MM'), sos]), 'image/jpeg')).toBe('present');
    expect(imageMetadata(Buffer.concat([hex('ffd8'), app1('http://ns.adobe.com/xap/1.0/\0<x/>'), sos]), 'image/jpeg')).toBe('present');
    expect(imageMetadata(Buffer.concat([hex('ffd8ffe000104a46494600010100000100010000'), sos]), 'image/jpeg')).toBe('none');
    expect(imageMetadata(hex('ffd8ffe0ff00'), 'image/jpeg')).toBe('unknown');
  });

  test('PNG: eXIf and XMP text chunks before IDAT', () => {
    expect(imageMetadata(Buffer.concat([PNG, ihdr, pngChunk('eXIf', Buffer.alloc(8)), idat]), 'image/png')).toBe('present');
    expect(imageMetadata(Buffer.concat([PNG, ihdr, pngChunk('iTXt', text('XML:com.adobe.xmp\0')), idat]), 'image/png')).toBe('present');
    expect(imageMetadata(Buffer.concat([PNG, ihdr, idat]), 'image/png')).toBe('none');
    expect(imageMetadata(Buffer.concat([PNG, ihdr]), 'image/png')).toBe('unknown');
  });

  test('WebP: simple files have none; extended files flag EXIF and XMP', () => {
    expect(imageMetadata(webp('VP8L', Buffer.alloc(10)), 'image/webp')).toBe('none');
    expect(imageMetadata(webp('VP8X', hex('08000000000000000000')), 'image/webp')).toBe('present');
    expect(imageMetadata(webp('VP8X', hex('04000000000000000000')), 'image/webp')).toBe('present');
    expect(imageMetadata(webp('VP8X', hex('10000000000000000000')), 'image/webp')).toBe('none');
  });
});
