/**
 * Small real recordings made in the test, byte by byte (no encoder on these
 * machines): an Ogg/Opus file of silent 20 ms frames that browsers decode,
 * with the Vorbis comments a phone may write, and an MP3 of silent frames
 * with an optional ID3v2 tag.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let crc = index << 24;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  return crc >>> 0;
});

function oggCrc(page: Buffer): number {
  let crc = 0;
  for (const byte of page) crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] as number)) >>> 0;
  return crc;
}

function oggPage(packets: Buffer[], sequence: number, granule: bigint, flags: number): Buffer {
  const lacing: number[] = [];
  for (const packet of packets) {
    let left = packet.length;
    while (left >= 255) {
      lacing.push(255);
      left -= 255;
    }
    lacing.push(left);
  }
  const header = Buffer.alloc(27);
  header.write('OggS', 0, 'latin1');
  header[5] = flags;
  header.writeBigUInt64LE(granule, 6);
  header.writeUInt32LE(0x5eed, 14);
  header.writeUInt32LE(sequence, 18);
  header[26] = lacing.length;
  const page = Buffer.concat([header, Buffer.from(lacing), ...packets]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

function opusTags(comments: readonly string[]): Buffer {
  const vendor = Buffer.from('mnpddh-test', 'utf8');
  const parts = [Buffer.from('OpusTags', 'latin1'), u32(vendor.length), vendor, u32(comments.length)];
  for (const comment of comments) {
    const bytes = Buffer.from(comment, 'utf8');
    parts.push(u32(bytes.length), bytes);
  }
  return Buffer.concat(parts);
}

function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32LE(value);
  return out;
}

/** Ogg/Opus, mono, `seconds` of silence; `comments` as `KEY=value` (e.g. `ARTIST=Awa`). */
export function oggOpus(seconds = 1, comments: readonly string[] = []): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'latin1');
  head[8] = 1; // version
  head[9] = 1; // channels
  head.writeUInt16LE(312, 10); // pre-skip
  head.writeUInt32LE(48000, 12);
  const pages = [oggPage([head], 0, 0n, 0x02), oggPage([opusTags(comments)], 1, 0n, 0)];
  // A 20 ms CELT frame of digital silence (TOC 0xf8, then the silence flag).
  const silence = Buffer.from([0xf8, 0xff, 0xfe]);
  const frames = Math.max(1, Math.round(seconds * 50));
  for (let at = 0, sequence = 2; at < frames; at += 50, sequence++) {
    const count = Math.min(50, frames - at);
    const last = at + count >= frames;
    pages.push(
      oggPage(
        Array.from({ length: count }, () => silence),
        sequence,
        BigInt((at + count) * 960),
        last ? 0x04 : 0,
      ),
    );
  }
  return Buffer.concat(pages);
}

function syncsafe(size: number): Buffer {
  return Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
}

function id3Frame(id: string, text: string): Buffer {
  const body = Buffer.concat([Buffer.from([3]), Buffer.from(text, 'utf8')]); // encoding 3: UTF-8
  const size = Buffer.alloc(4);
  size.writeUInt32BE(body.length);
  return Buffer.concat([Buffer.from(id, 'latin1'), size, Buffer.alloc(2), body]);
}

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, `frames` silent frames (26 ms each); `tags` as ID3v2.3 text frames. */
export function mp3(frames = 40, tags: Readonly<Record<string, string>> = {}): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  const audio = Buffer.concat(Array.from({ length: frames }, () => frame));
  const entries = Object.entries(tags);
  if (entries.length === 0) return audio;
  const body = Buffer.concat(entries.map(([id, text]) => id3Frame(id, text)));
  const header = Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([3, 0, 0]), syncsafe(body.length)]);
  return Buffer.concat([header, body, audio]);
}
