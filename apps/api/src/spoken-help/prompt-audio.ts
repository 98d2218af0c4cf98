/**
 * Whether an uploaded recording may become a spoken prompt. The type comes
 * from the bytes (the same magic-number reading as the defenders' uploads),
 * never from the name or the declared type; then music-metadata (a
 * maintained parser of every container a phone or a browser records in)
 * reads the container and its tags. Tags that could name the person who
 * recorded, the place or the device (title, artist, comment, location…) are
 * refused rather than stripped: rewriting a container by hand is where
 * parsers break, and the admin can export again without them in a minute.
 * Only tags naming the encoding software pass.
 */
import { parseBuffer, type IAudioMetadata } from 'music-metadata';
import { SPOKEN_PROMPT_TYPES, type SpokenPromptType } from '@mnpddh/shared';
import { AppError } from '../common/app-error.js';
import { detectType } from '../follow-up/file-content.js';

/** Tags that name only the encoder (software), per container's tag format. */
const HARMLESS_TAGS = new Set(['ENCODER', 'encoder', 'TSSE', '©too', '----:com.apple.iTunes:iTunSMPB', '----:com.apple.iTunes:iTunNORM']);

/** The container music-metadata must find for each type the bytes announce. */
const CONTAINERS: Record<SpokenPromptType, RegExp> = {
  'audio/ogg': /^Ogg\b/,
  'audio/mpeg': /^MPEG\b/,
  'audio/mp4': /^(M4A|mp4|isom|mp42|3gp)/i,
  'audio/webm': /webm|matroska/i,
};

function refuse(reason: string): never {
  throw new AppError('VALIDATION_FAILED', [{ field: 'audio', message: reason }]);
}

/** The recording's type, or a refusal naming what is wrong (not audio, unreadable, tags). */
export async function checkPromptAudio(audio: Uint8Array): Promise<SpokenPromptType> {
  const detected = detectType(audio, 'voice', '')?.mime;
  const type = SPOKEN_PROMPT_TYPES.find((accepted) => accepted === detected);
  if (!type) refuse('prompt_not_audio');
  const metadata = await readContainer(audio);
  if (!CONTAINERS[type].test(metadata.format.container ?? '') || !metadata.format.codec) refuse('prompt_unreadable');
  if (namingTags(metadata).length > 0) refuse('prompt_metadata');
  return type;
}

async function readContainer(audio: Uint8Array): Promise<IAudioMetadata> {
  try {
    return await parseBuffer(audio, undefined, { skipCovers: false, duration: false });
  } catch {
    return refuse('prompt_unreadable');
  }
}

/** Every tag other than the encoder's name, whatever the container holds them in (ID3, Vorbis comments, iTunes atoms, Matroska tags, APE). */
export function namingTags(metadata: IAudioMetadata): string[] {
  const ids = Object.values(metadata.native).flatMap((tags) => tags.map((tag) => tag.id));
  return ids.filter((id) => !HARMLESS_TAGS.has(id));
}
