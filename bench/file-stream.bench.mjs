// 1 GiB attachment through the crypto module's file stream
// (apps/api/src/crypto/file-stream.ts, built: encryptFile / decryptFile over
// streamed files) against a plain copy of the same bytes measured alongside,
// with the process's RSS sampled throughout: memory must stay flat.
// Run: npm run bench:file-stream   (builds what is stale; BENCH_FILE_MIB, default 1024; temp dir deleted)
import { Buffer } from 'node:buffer';
import { randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { clearInterval, setInterval } from 'node:timers';
import { decryptFile, encryptFile, generateFileKey, warmUpCrypto } from '../apps/api/dist/crypto/index.js';
import { machineLine, writeSection } from './lib/report.mjs';

const MIB = 1024 * 1024;
const SIZE_MIB = Math.min(Number(process.env.BENCH_FILE_MIB ?? 1024), 4096);
const SIZE = SIZE_MIB * MIB;

/** Random content written 16 MiB at a time (incompressible; memory stays small). */
async function writeSource(path) {
  const file = await open(path, 'w');
  const block = Buffer.alloc(16 * MIB);
  try {
    for (let written = 0; written < SIZE; written += block.length) await file.write(randomFillSync(block));
  } finally {
    await file.close();
  }
}

/** Runs one step, sampling RSS every 20 ms: wall time, peak RSS, and RSS at each quarter of the run. */
async function measured(step) {
  const before = process.memoryUsage.rss();
  const samples = [];
  const timer = setInterval(() => samples.push(process.memoryUsage.rss()), 20);
  const start = performance.now();
  try {
    await step();
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - start) / 1000;
  samples.push(process.memoryUsage.rss());
  const quarter = (q) => samples[Math.min(samples.length - 1, Math.floor((samples.length * q) / 4))];
  return { seconds, before, peak: Math.max(before, ...samples), quarters: [1, 2, 3, 4].map(quarter) };
}

const dir = await mkdtemp(join(tmpdir(), 'mnpddh-bench-file-'));
try {
  await warmUpCrypto();
  const source = join(dir, 'source.bin');
  const encrypted = join(dir, 'source.enc');
  const decrypted = join(dir, 'source.out');
  const copied = join(dir, 'copy.bin');
  await writeSource(source);
  const key = generateFileKey();

  // Warm the page cache for the source, so every step reads it from memory alike.
  await pipeline(createReadStream(source), createWriteStream('/dev/null'));

  const fsCopy = await measured(() => copyFile(source, copied));
  await rm(copied);
  const streamCopy = await measured(() => pipeline(createReadStream(source), createWriteStream(copied)));
  await rm(copied);
  let summary;
  const encrypt = await measured(async () => {
    const stream = encryptFile(createReadStream(source), key);
    await pipeline(Readable.from(stream), createWriteStream(encrypted));
    summary = await stream.summary;
  });
  const decrypt = await measured(() =>
    pipeline(Readable.from(decryptFile(createReadStream(encrypted), key, { expectedSha256: summary.sha256 })), createWriteStream(decrypted)),
  );
  const out = await stat(decrypted);
  if (out.size !== SIZE || summary.size !== SIZE) throw new Error('decrypted size differs from the source');
  const encryptedSize = (await stat(encrypted)).size;

  const rate = (step) => SIZE / MIB / step.seconds;
  const row = (label, step, base) =>
    `| ${label} | ${step.seconds.toFixed(2)} s | **${rate(step).toFixed(0)} MiB/s** | ${base ? `${(rate(step) / rate(base)).toFixed(2)}` : '1'} | ${(step.before / MIB).toFixed(0)} → ${(step.peak / MIB).toFixed(0)} MiB (+${((step.peak - step.before) / MIB).toFixed(0)}) | ${step.quarters.map((rss) => (rss / MIB).toFixed(0)).join(' / ')} |`;
  writeSection(
    '6-file-stream',
    `## 6. ${SIZE_MIB === 1024 ? '1 GiB' : `${SIZE_MIB} MiB`} attachment through the file stream, against a plain copy

\`npm run bench:file-stream\` (bench/file-stream.bench.mjs): a ${SIZE_MIB} MiB file of random
bytes in a temporary folder under ${tmpdir()} (deleted afterwards), read once beforehand so every
step reads it from the page cache; each step writes a new file on the same disk.
Encrypt = \`encryptFile(createReadStream(source), fileKey)\` piped to a file
(SHA-256 of the original, 64 KiB secretstream chunks, padded to the size class:
${(encryptedSize / MIB).toFixed(0)} MiB written); decrypt = \`decryptFile(createReadStream(encrypted), fileKey, { expectedSha256 })\`
piped to a file (every chunk authenticated, SHA-256 checked at the end). RSS of
the process sampled every 20 ms (the page cache is not in RSS).
${machineLine()}

| step | time | throughput | ratio to \`fs.copyFile\` | RSS before → peak | RSS at ¼ / ½ / ¾ / end |
|---|---|---|---|---|---|
${row('`fs.copyFile` (kernel copy)', fsCopy)}
${row('stream copy (`createReadStream` → `createWriteStream`)', streamCopy, fsCopy)}
${row('**encryptFile**, file → file', encrypt, fsCopy)}
${row('**decryptFile**, file → file', decrypt, fsCopy)}

Against the stream copy (the same Node streams without the cryptography):
encrypt ${(rate(encrypt) / rate(streamCopy)).toFixed(2)}×, decrypt ${(rate(decrypt) / rate(streamCopy)).toFixed(2)}× its throughput.
Memory stays flat: the peak RSS while ${SIZE_MIB} MiB went through was ${((Math.max(encrypt.peak, decrypt.peak) - Math.min(encrypt.before, decrypt.before)) / MIB).toFixed(0)} MiB above the
level before, whatever the file size (the stream holds two 64 KiB frames plus the stream buffers).
`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
