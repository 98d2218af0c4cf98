/**
 * Hands a file to the browser's downloads, from memory: the file never goes
 * through another address, and the temporary link is revoked at once.
 */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click returns: revoke a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "12,3 Ko" / "12.3 KB" — sizes the reader understands. */
export function sizeLabel(bytes: number, locale: 'fr' | 'en'): string {
  const units = locale === 'fr' ? ['o', 'Ko', 'Mo'] : ['B', 'KB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit]}`;
}
