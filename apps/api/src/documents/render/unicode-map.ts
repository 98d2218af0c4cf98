/**
 * A ToUnicode CMap (PDF 1.7, 9.10.3) for a Type0 font with two-byte glyph
 * ids: each glyph drawn maps to the characters it was shaped from.
 */
export function unicodeMap(entries: readonly (readonly [number, string])[]): string {
  const mapped = entries.filter(([, text]) => text.length > 0);
  const blocks: string[] = [];
  // At most 100 entries a block, as the CMap format requires.
  for (let start = 0; start < mapped.length; start += 100) {
    const block = mapped.slice(start, start + 100);
    blocks.push(`${block.length} beginbfchar\n${block.map(([id, text]) => `<${hex4(id)}> <${utf16(text)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** UTF-16BE in hexadecimal: characters beyond the BMP as surrogate pairs. */
function utf16(text: string): string {
  // A JavaScript string is already UTF-16: one code unit after the other.
  return Array.from({ length: text.length }, (_, i) => hex4(text.charCodeAt(i))).join('');
}
