import { describe, expect, jest, test } from '@jest/globals';

import { TEST_ONLY_ARGON2_PARAMS } from './argon2.js';
import { generateCaseKeys } from './case-keys.js';
import { issueCertificate } from './certificate.js';
import { deriveReceiptKeys, formatReceipt, generateReceipt, unwrapThreadKeyWithReceipt, wrapThreadKeyForReceipt } from './receipt.js';
import { openCaseKey, sealCaseKey } from './seal.js';
import { SecretKey } from './secret-key.js';
import type { ReceiptPepper } from './secrets.js';
import { generateSigningKeyPair } from './signing.js';
import { sodium } from './sodium.js';
import { codeOf } from './error-code.testing.js';

const params = TEST_ONLY_ARGON2_PARAMS;
const pepper: ReceiptPepper = { version: 3, value: new SecretKey('receipt-pepper', Buffer.alloc(32, 9)) };
const receipt = '0483 1290 5531 7702 9964 1208';

describe('receipts', () => {
  test('are 24 digits in six groups of four, fresh each time', () => {
    const receipts = Array.from({ length: 200 }, generateReceipt);

    for (const r of receipts) expect(r).toMatch(/^[0-9]{4}( [0-9]{4}){5}$/);
    expect(new Set(receipts).size).toBe(200);
    expect(new Set(receipts.join('').replace(/ /g, ''))).toEqual(new Set('0123456789'));
  });

  test('formatReceipt groups digits by four', () => {
    expect(formatReceipt('048312905531770299641208')).toBe(receipt);
  });

  test('known-answer vector: lookup id and wrapping key id for a fixed pepper and receipt', async () => {
    const sut = await deriveReceiptKeys(receipt, pepper, params);

    expect(sut.lookupId).toBe('JNd8onbOHUkBcN5-LQLUnq2593jk3yHo-4UQl1ygCJQ');
    expect(sut.wrappingKey.id).toBe('_OZs2ltEQDDJLzib5rBVtQ');
    expect(sut.pepperVersion).toBe(3);
  });

  test.each(['048312905531770299641208', '0483-1290-5531-7702-9964-1208', ' 0483 1290\u00a05531 7702–9964 1208 ', '04 83 12 90 55 31 77 02 99 64 12 08'])(
    'spaces and dashes are ignored: %j',
    async (typed) => {
      const sut = await deriveReceiptKeys(typed, pepper, params);

      expect(sut.lookupId).toBe('JNd8onbOHUkBcN5-LQLUnq2593jk3yHo-4UQl1ygCJQ');
    },
  );

  test('another receipt, or another pepper, gives another lookup id', async () => {
    const base = await deriveReceiptKeys(receipt, pepper, params);
    const otherReceipt = await deriveReceiptKeys('0483 1290 5531 7702 9964 1209', pepper, params);
    const otherPepper = await deriveReceiptKeys(receipt, { version: 4, value: new SecretKey('receipt-pepper', Buffer.alloc(32, 8)) }, params);

    expect(otherReceipt.lookupId).not.toBe(base.lookupId);
    expect(otherPepper.lookupId).not.toBe(base.lookupId);
  });

  test.each(['', '1234', '0483 1290 5531 7702 9964 12081', '0483 1290 5531 7702 9964 120a', '٠٤٨٣١٢٩٠٥٥٣١٧٧٠٢٩٩٦٤١٢٠٨', 'x'.repeat(10_000)])(
    'malformed input %# still costs one Argon2id, then throws BAD_RECEIPT',
    async (typed) => {
      const hash = jest.spyOn(sodium, 'crypto_pwhash_async');
      try {
        await expect(deriveReceiptKeys(typed, pepper, params)).rejects.toMatchObject({ code: 'BAD_RECEIPT' });
        expect(hash).toHaveBeenCalledTimes(1);
        expect(hash.mock.calls[0]?.slice(3, 5)).toEqual([params.opslimit, params.memlimit]);
      } finally {
        hash.mockRestore();
      }
    },
  );

  test('refuses a pepper of the wrong kind', async () => {
    await expect(deriveReceiptKeys(receipt, { version: 1, value: new SecretKey('index', Buffer.alloc(32)) } as never, params)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('re-keying: a new thread key sealed to a receipt without the receipt', () => {
  test('the receipt identity is stable, certifiable, and opens a thread key sealed to it', async () => {
    const directory = generateSigningKeyPair();
    const issued = await deriveReceiptKeys(receipt, pepper, params);
    const certificate = issueCertificate({ tenant: 'ml', userId: 'rcpt-1', role: 'receipt', publicKey: issued.identity.publicKey, epoch: 1 }, directory);
    const { threadKey: newThreadKey } = generateCaseKeys();
    const where = { tenant: 'ml', caseId: 'case-1' };

    const sealed = sealCaseKey(newThreadKey, where, {
      certificate,
      directoryPublicKey: directory.publicKey,
      expect: { tenant: 'ml', userId: 'rcpt-1', roles: ['receipt'] },
    });
    const nextVisit = await deriveReceiptKeys('048312905531770299641208', pepper, params);

    expect(nextVisit.identity.publicKey).toBe(issued.identity.publicKey);
    expect(openCaseKey(sealed, 'thread', where, nextVisit.identity).id).toBe(newThreadKey.id);
    const stranger = await deriveReceiptKeys(generateReceipt(), pepper, params);
    expect(codeOf(() => openCaseKey(sealed, 'thread', where, stranger.identity))).toBe('DECRYPT_FAILED');
  });
});

describe('thread key wrapped for a receipt', () => {
  const where = { tenant: 'ml', caseId: 'case-1', receiptId: 'rcpt-1' };

  test('the receipt opens the thread key, never anything else', async () => {
    const { threadKey, caseKey } = generateCaseKeys();
    const { wrappingKey } = await deriveReceiptKeys(receipt, pepper, params);
    const wrapped = wrapThreadKeyForReceipt(threadKey, wrappingKey, where);

    const sut = unwrapThreadKeyWithReceipt(wrapped, wrappingKey, where);

    expect(sut.kind).toBe('thread');
    expect(sut.id).toBe(threadKey.id);
    expect(codeOf(() => wrapThreadKeyForReceipt(caseKey as never, wrappingKey, where))).toBe('INVALID_INPUT');
  });

  test.each<[string, Partial<typeof where>]>([
    ['another case', { caseId: 'case-2' }],
    ['another receipt row', { receiptId: 'rcpt-2' }],
    ['another tenant', { tenant: 'ne' }],
  ])('a wrap moved to %s does not open (DECRYPT_FAILED)', async (_name, change) => {
    const { wrappingKey } = await deriveReceiptKeys(receipt, pepper, params);
    const wrapped = wrapThreadKeyForReceipt(generateCaseKeys().threadKey, wrappingKey, where);

    expect(codeOf(() => unwrapThreadKeyWithReceipt(wrapped, wrappingKey, { ...where, ...change }))).toBe('DECRYPT_FAILED');
  });

  test('another receipt does not open it (KEY_MISMATCH)', async () => {
    const { wrappingKey } = await deriveReceiptKeys(receipt, pepper, params);
    const { wrappingKey: other } = await deriveReceiptKeys(generateReceipt(), pepper, params);
    const wrapped = wrapThreadKeyForReceipt(generateCaseKeys().threadKey, wrappingKey, where);

    expect(codeOf(() => unwrapThreadKeyWithReceipt(wrapped, other, where))).toBe('KEY_MISMATCH');
  });
});
