/**
 * Crypto benchmark: sodium-native vs libsodium-wrappers-sumo (WASM), same run,
 * same inputs. Bounded (about a minute on 2 cores); prints a Markdown table.
 *
 *   npx tsx bench/crypto.bench.ts
 *
 * The two builds are imported only here; the module itself uses sodium-native.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';

import wasm from 'libsodium-wrappers-sumo';
import native from 'sodium-native';

import { INTERACTIVE_PARAMS, PASSWORD_PARAMS_V1, RECEIPT_PARAMS_V1, type Argon2Params } from '../apps/api/src/crypto/argon2.js';
import { generateCaseKey } from '../apps/api/src/crypto/case-keys.js';
import { issueCertificate } from '../apps/api/src/crypto/certificate.js';
import { decryptField, encryptField } from '../apps/api/src/crypto/field.js';
import { decryptFile, encryptFile } from '../apps/api/src/crypto/file-stream.js';
import { generateFileKey } from '../apps/api/src/crypto/file-key.js';
import { generateIdentityKeyPair } from '../apps/api/src/crypto/key-pair.js';
import { sealCaseKey } from '../apps/api/src/crypto/seal.js';
import { generateSigningKeyPair } from '../apps/api/src/crypto/signing.js';

const MIB = 1024 * 1024;
const CHUNK = 64 * 1024;
const STREAM_BYTES = 100 * MIB;
const ARGON_RUNS = 3;
const OP_BUDGET_MS = 700;

type Row = { operation: string; native: string; wasm: string; ratio: string };
const rows: Row[] = [];

function ms(n: number): string {
  return n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`;
}
function us(n: number): string {
  return `${(n * 1000).toFixed(1)} µs`;
}
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}
function ratio(nativeValue: number, wasmValue: number, higherIsBetter = false): string {
  const r = higherIsBetter ? nativeValue / wasmValue : wasmValue / nativeValue;
  return `${r.toFixed(1)}×`;
}

/** Milliseconds per call: runs `fn` until the budget is spent (at least 20 calls). */
function perOp(fn: () => void, budgetMs = OP_BUDGET_MS): number {
  for (let i = 0; i < 50; i++) fn(); // warm-up
  let calls = 0;
  const start = performance.now();
  while (calls < 20 || performance.now() - start < budgetMs) {
    fn();
    calls++;
  }
  return (performance.now() - start) / calls;
}

async function withLoopLag<T>(fn: () => Promise<T> | T): Promise<{ ms: number; lagMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  await new Promise((r) => setTimeout(r, 20));
  const start = performance.now();
  await fn();
  const elapsed = performance.now() - start;
  await new Promise((r) => setTimeout(r, 20));
  histogram.disable();
  return { ms: elapsed, lagMs: histogram.max / 1e6 };
}

const password = Buffer.from('correct horse battery staple, mais en français');
const salt = Buffer.alloc(16, 7);

async function argon(label: string, params: Argon2Params): Promise<void> {
  const out = Buffer.alloc(32);
  const n: number[] = [];
  const na: number[] = [];
  const w: number[] = [];
  let nativeLag = 0;
  let wasmLag = 0;
  for (let i = 0; i < ARGON_RUNS; i++) {
    const t = performance.now();
    native.crypto_pwhash(out, password, salt, params.opslimit, params.memlimit, native.crypto_pwhash_ALG_ARGON2ID13);
    n.push(performance.now() - t);
    const a = await withLoopLag(() => native.crypto_pwhash_async(out, password, salt, params.opslimit, params.memlimit, native.crypto_pwhash_ALG_ARGON2ID13));
    na.push(a.ms);
    nativeLag = Math.max(nativeLag, a.lagMs);
    const b = await withLoopLag(() => wasm.crypto_pwhash(32, password, salt, params.opslimit, params.memlimit, wasm.crypto_pwhash_ALG_ARGON2ID13));
    w.push(b.ms);
    wasmLag = Math.max(wasmLag, b.lagMs);
  }
  const tag = `Argon2id ${label} (t=${params.opslimit}, m=${params.memlimit / MIB} MiB), median of ${ARGON_RUNS}`;
  rows.push({ operation: tag, native: ms(median(n)), wasm: ms(median(w)), ratio: ratio(median(n), median(w)) });
  rows.push({
    operation: `  ↳ async (native thread pool) / event-loop max lag`,
    native: `${ms(median(na))} / lag ${ms(nativeLag)}`,
    wasm: `no async API / lag ${ms(wasmLag)}`,
    ratio: 'WASM blocks the event loop',
  });
}

async function concurrentArgon(params: Argon2Params): Promise<void> {
  const outs = [Buffer.alloc(32), Buffer.alloc(32)];
  const start = performance.now();
  await Promise.all(outs.map((o) => native.crypto_pwhash_async(o, password, salt, params.opslimit, params.memlimit, native.crypto_pwhash_ALG_ARGON2ID13)));
  const nativeMs = performance.now() - start;
  const t = performance.now();
  for (let i = 0; i < 2; i++) wasm.crypto_pwhash(32, password, salt, params.opslimit, params.memlimit, wasm.crypto_pwhash_ALG_ARGON2ID13);
  const wasmMs = performance.now() - t;
  rows.push({
    operation: `Argon2id password params, 2 logins at once (wall time)`,
    native: ms(nativeMs),
    wasm: `${ms(wasmMs)} (serial)`,
    ratio: ratio(nativeMs, wasmMs),
  });
}

function aead(): void {
  const key = Buffer.alloc(32, 1);
  const nonce = Buffer.alloc(24, 2);
  const ad = Buffer.alloc(120, 3); // about the size of a field's canonical AD
  const message = Buffer.alloc(1024, 4);
  const sealed = Buffer.alloc(1024 + 16);
  const opened = Buffer.alloc(1024);
  const encN = perOp(() => native.crypto_aead_xchacha20poly1305_ietf_encrypt(sealed, message, ad, null, nonce, key));
  const decN = perOp(() => native.crypto_aead_xchacha20poly1305_ietf_decrypt(opened, null, sealed, ad, nonce, key));
  const wSealed = wasm.crypto_aead_xchacha20poly1305_ietf_encrypt(message, ad, null, nonce, key);
  const encW = perOp(() => wasm.crypto_aead_xchacha20poly1305_ietf_encrypt(message, ad, null, nonce, key));
  const decW = perOp(() => wasm.crypto_aead_xchacha20poly1305_ietf_decrypt(null, wSealed, ad, nonce, key));
  rows.push({ operation: 'XChaCha20-Poly1305 encrypt, 1 KiB + 120 B AD, per op', native: us(encN), wasm: us(encW), ratio: ratio(encN, encW) });
  rows.push({ operation: 'XChaCha20-Poly1305 decrypt, 1 KiB + 120 B AD, per op', native: us(decN), wasm: us(decW), ratio: ratio(decN, decW) });
}

function secretstream(): void {
  const chunks = STREAM_BYTES / CHUNK;
  const key = Buffer.alloc(32, 5);
  const plain = Buffer.alloc(CHUNK);
  native.randombytes_buf(plain);
  const ad = Buffer.alloc(8);

  // native: push chunk i, then pull it at once (streaming, memory flat)
  const pushState = Buffer.alloc(native.crypto_secretstream_xchacha20poly1305_STATEBYTES);
  const pullState = Buffer.alloc(native.crypto_secretstream_xchacha20poly1305_STATEBYTES);
  const header = Buffer.alloc(native.crypto_secretstream_xchacha20poly1305_HEADERBYTES);
  native.crypto_secretstream_xchacha20poly1305_init_push(pushState, header, key);
  native.crypto_secretstream_xchacha20poly1305_init_pull(pullState, header, key);
  const c = Buffer.alloc(CHUNK + native.crypto_secretstream_xchacha20poly1305_ABYTES);
  const m = Buffer.alloc(CHUNK);
  const tag = Buffer.alloc(1);
  let pushN = 0;
  let pullN = 0;
  for (let i = 0; i < chunks; i++) {
    ad.writeUInt32BE(i, 4);
    const last = i === chunks - 1;
    let t = performance.now();
    native.crypto_secretstream_xchacha20poly1305_push(pushState, c, plain, ad, last ? 3 : 0);
    pushN += performance.now() - t;
    t = performance.now();
    native.crypto_secretstream_xchacha20poly1305_pull(pullState, m, tag, c, ad);
    pullN += performance.now() - t;
  }

  const push = wasm.crypto_secretstream_xchacha20poly1305_init_push(key);
  const pull = wasm.crypto_secretstream_xchacha20poly1305_init_pull(push.header, key);
  let pushW = 0;
  let pullW = 0;
  for (let i = 0; i < chunks; i++) {
    ad.writeUInt32BE(i, 4);
    const last = i === chunks - 1;
    let t = performance.now();
    const cw = wasm.crypto_secretstream_xchacha20poly1305_push(push.state, plain, ad, last ? 3 : 0);
    pushW += performance.now() - t;
    t = performance.now();
    wasm.crypto_secretstream_xchacha20poly1305_pull(pull, cw, ad);
    pullW += performance.now() - t;
  }
  const mbps = (msTotal: number) => STREAM_BYTES / MIB / (msTotal / 1000);
  rows.push({
    operation: 'secretstream encrypt, 100 MiB in 64 KiB chunks (MiB/s)',
    native: `${mbps(pushN).toFixed(0)} MiB/s`,
    wasm: `${mbps(pushW).toFixed(0)} MiB/s`,
    ratio: ratio(mbps(pushN), mbps(pushW), true),
  });
  rows.push({
    operation: 'secretstream decrypt, 100 MiB in 64 KiB chunks (MiB/s)',
    native: `${mbps(pullN).toFixed(0)} MiB/s`,
    wasm: `${mbps(pullW).toFixed(0)} MiB/s`,
    ratio: ratio(mbps(pullN), mbps(pullW), true),
  });
}

function boxSeal(): void {
  const pk = Buffer.alloc(32);
  const sk = Buffer.alloc(32);
  native.crypto_box_keypair(pk, sk);
  const message = Buffer.alloc(32, 9); // a case key
  const sealed = Buffer.alloc(32 + native.crypto_box_SEALBYTES);
  const opened = Buffer.alloc(32);
  const sealN = perOp(() => native.crypto_box_seal(sealed, message, pk));
  const openN = perOp(() => native.crypto_box_seal_open(opened, sealed, pk, sk));
  const sealW = perOp(() => wasm.crypto_box_seal(message, pk));
  const openW = perOp(() => wasm.crypto_box_seal_open(sealed, pk, sk));
  rows.push({ operation: 'crypto_box_seal (32-byte key), per op', native: us(sealN), wasm: us(sealW), ratio: ratio(sealN, sealW) });
  rows.push({ operation: 'crypto_box_seal_open (32-byte key), per op', native: us(openN), wasm: us(openW), ratio: ratio(openN, openW) });
}

async function moduleRows(): Promise<void> {
  const key = generateCaseKey();
  const location = { tenant: 'ml', caseId: 'c-1', table: 'protection_request', rowId: 'r-1', field: 'narrative' };
  const text = 'é'.repeat(512); // 1 KiB of UTF-8
  const ct = encryptField(key, text, location);
  const enc = perOp(() => encryptField(key, text, location));
  const dec = perOp(() => decryptField(key, ct, location));
  rows.push({ operation: 'module encryptField 1 KiB (pad + AD + base64url)', native: us(enc), wasm: '—', ratio: '' });
  rows.push({ operation: 'module decryptField 1 KiB', native: us(dec), wasm: '—', ratio: '' });

  const directory = generateSigningKeyPair();
  const staff = generateIdentityKeyPair();
  const certificate = issueCertificate({ tenant: 'ml', userId: 'u-1', role: 'supervisor', publicKey: staff.publicKey, epoch: 1 }, directory);
  const recipient = { certificate, directoryPublicKey: directory.publicKey, expect: { tenant: 'ml', userId: 'u-1', roles: ['supervisor'] } };
  const seal = perOp(() => sealCaseKey(key, { tenant: 'ml', caseId: 'c-1' }, recipient));
  rows.push({ operation: 'module sealCaseKey (certificate check + seal)', native: us(seal), wasm: '—', ratio: '' });

  const fileKey = generateFileKey();
  const piece = Buffer.alloc(CHUNK);
  native.randombytes_buf(piece);
  async function* source(): AsyncGenerator<Buffer> {
    for (let sent = 0; sent < STREAM_BYTES; sent += piece.length) yield piece;
  }
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const encrypting = encryptFile(source(), fileKey);
  const t = performance.now();
  let plaintextBytes = 0;
  for await (const out of decryptFile(encrypting, fileKey)) {
    plaintextBytes += out.length;
    if ((plaintextBytes & (8 * MIB - 1)) === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const elapsed = performance.now() - t;
  const summary = await encrypting.summary;
  if (plaintextBytes !== STREAM_BYTES || summary.size !== STREAM_BYTES) throw new Error('stream round trip lost bytes');
  rows.push({
    operation: 'module encryptFile→decryptFile 100 MiB, piped (MiB/s, RSS growth)',
    native: `${(STREAM_BYTES / MIB / (elapsed / 1000)).toFixed(0)} MiB/s, +${((peak - rssBefore) / MIB).toFixed(0)} MiB`,
    wasm: '—',
    ratio: '',
  });
}

async function main(): Promise<void> {
  await wasm.ready;
  const started = performance.now();
  await argon('password params', PASSWORD_PARAMS_V1);
  await argon('INTERACTIVE', INTERACTIVE_PARAMS);
  await argon('receipt params', RECEIPT_PARAMS_V1);
  await concurrentArgon(PASSWORD_PARAMS_V1);
  aead();
  secretstream();
  boxSeal();
  await moduleRows();

  const cpu = os.cpus()[0]?.model ?? 'unknown';
  console.log(`\n${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} × ${cpu}`);
  console.log(`libsodium-wrappers-sumo ${wasm.SODIUM_VERSION_STRING} · sodium-native 5.1.0\n`);
  console.log('| operation | sodium-native | libsodium-wrappers-sumo | native advantage |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.operation} | ${r.native} | ${r.wasm} | ${r.ratio} |`);
  console.log(`\ntotal bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
