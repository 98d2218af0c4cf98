import { fallbackMatcher, frenchFallbacksOf, type FallbackMatcher, type Translations } from '@mnpddh/shared';

/**
 * Marks the French shown in place of a missing translation: inside a Bambara
 * or Arabic page, an element whose text is a French fallback gets
 * `lang="fr"` (and `dir="ltr"` in a right-to-left page), so a screen reader
 * reads it with a French voice and the words run the right way. The
 * catalogues record which messages fell back (translate.ts); this watches the
 * page rather than wrapping every message where it is used, so it costs a
 * few hundred bytes and nothing at all on a French page. It only ever takes
 * back what it set, and leaves an element with its own `lang` alone.
 */
export function watchFrenchFallbacks(root: HTMLElement, translations: Translations, rtl: boolean): () => void {
  /** Each element marked, and whether its `dir` is ours too. */
  const marked = new Map<Element, boolean>();
  let matcher: FallbackMatcher = () => false;
  let known = -1;

  const isFrench = (text: string): boolean => {
    // The form's catalogue records its fallbacks when its chunk first renders: rebuild then.
    const texts = frenchFallbacksOf(translations);
    if (texts.size !== known) [matcher, known] = [fallbackMatcher(texts), texts.size];
    return matcher(text);
  };

  const check = (element: Element): void => {
    const french = isFrench(element.textContent ?? '');
    if (french && !element.hasAttribute('lang')) {
      element.setAttribute('lang', 'fr');
      const ownDir = rtl && !element.hasAttribute('dir');
      if (ownDir) element.setAttribute('dir', 'ltr');
      marked.set(element, ownDir);
    } else if (!french && marked.has(element)) {
      element.removeAttribute('lang');
      if (marked.get(element)) element.removeAttribute('dir');
      marked.delete(element);
    }
  };

  /** The element holding each piece of text under `node`. */
  const scan = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.parentElement && node.textContent?.trim()) check(node.parentElement);
      return;
    }
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) scan(text);
  };

  scan(root);
  const observer = new MutationObserver((records) => {
    for (const element of [...marked.keys()]) check(element);
    for (const record of records) scan(record.target);
  });
  observer.observe(root, { childList: true, characterData: true, subtree: true });
  return () => {
    observer.disconnect();
    for (const [element, ownDir] of marked) {
      element.removeAttribute('lang');
      if (ownDir) element.removeAttribute('dir');
    }
  };
}
