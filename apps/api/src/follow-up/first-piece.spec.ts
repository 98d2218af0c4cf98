import { capped, readFirstPiece } from './first-piece.js';

/** A source that records how far it was read, so a test can see what stayed unread. */
function source(pieces: Buffer[]) {
  const read = { count: 0, returned: false };
  const iterable: AsyncIterable<Buffer> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => (read.count < pieces.length ? { done: false, value: pieces[read.count++] as Buffer } : { done: true, value: undefined }),
      return: async () => {
        read.returned = true;
        return { done: true, value: undefined };
      },
    }),
  };
  return { iterable, read };
}

async function all(bytes: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of bytes) parts.push(part);
  return Buffer.concat(parts);
}

describe('readFirstPiece', () => {
  it('reads ahead only what the check needs, then gives the whole content back in order', async () => {
    const pieces = [Buffer.from('%PDF-'), Buffer.from('1.7\n'), Buffer.from('rest'), Buffer.from('!')];
    const { iterable, read } = source(pieces);
    const sut = await readFirstPiece(iterable, 8);
    expect(sut.head.toString()).toBe('%PDF-1.7\n');
    expect(sut.complete).toBe(false);
    expect(read.count).toBe(2);
    expect((await all(sut.content)).toString()).toBe('%PDF-1.7\nrest!');
  });

  it('says so when the whole content fits in the head', async () => {
    const { iterable } = source([Buffer.from('court')]);
    const sut = await readFirstPiece(iterable, 64);
    expect(sut.complete).toBe(true);
    expect((await all(sut.content)).toString()).toBe('court');
  });

  it('gives an empty head for an empty file', async () => {
    const sut = await readFirstPiece(source([]).iterable, 64);
    expect(sut).toMatchObject({ complete: true });
    expect(sut.head.length).toBe(0);
    expect((await all(sut.content)).length).toBe(0);
  });

  it('lets the source go when the reader stops early', async () => {
    const { iterable, read } = source([Buffer.from('a'), Buffer.from('b'), Buffer.from('c')]);
    const sut = await readFirstPiece(iterable, 1);
    for await (const part of sut.content) if (part.toString() === 'a') break;
    expect(read.returned).toBe(true);
  });
});

describe('capped', () => {
  const tooLarge = () => new Error('file_too_large');

  it('passes up to the limit, exactly', async () => {
    expect((await all(capped(source([Buffer.alloc(3), Buffer.alloc(2)]).iterable, 5, tooLarge))).length).toBe(5);
  });

  it('refuses one byte more, before yielding the piece that passes the limit', async () => {
    const seen: number[] = [];
    const sut = capped(source([Buffer.alloc(3), Buffer.alloc(3)]).iterable, 5, tooLarge);
    await expect(
      (async () => {
        for await (const part of sut) seen.push(part.length);
      })(),
    ).rejects.toThrow('file_too_large');
    expect(seen).toEqual([3]);
  });
});
