/**
 * The name a downloaded attachment gets: built by the portal from the case
 * reference, the file's number in the case and an extension from the type
 * the portal decided, never the sender's file name (which can carry a path,
 * a misleading extension, control characters or a person's name).
 */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'audio/ogg': 'ogg',
  'audio/webm': 'webm',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'text/plain': 'txt',
};

export function downloadName(reference: string, number: number, type: string): string {
  const safeReference = reference.replace(/[^A-Za-z0-9-]/g, '-');
  return `${safeReference}-piece-${number}.${EXTENSIONS[type.toLowerCase()] ?? 'bin'}`;
}
