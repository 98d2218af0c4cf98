import { spokenPromptPath, type SpokenHelpStep } from '@mnpddh/shared';
import { html, type Html } from './html.js';
import type { PlainContext } from './plain-context.js';

/**
 * The step's spoken prompt in the page's language, when the mechanism
 * recorded one: the browser's own player, fetching nothing until pressed
 * (preload="none"), from this origin.
 */
export function listen(context: PlainContext, step: SpokenHelpStep): Html | '' {
  const recorded = context.spokenHelp.some((prompt) => prompt.step === step && prompt.language === context.language);
  if (!recorded) return '';
  return html`<p class="listen"><audio controls preload="none" src="${spokenPromptPath(context.language, step)}" aria-label="${context.site.layout.listen}"><a href="${spokenPromptPath(context.language, step)}">${context.site.layout.listen}</a></audio></p>`;
}
