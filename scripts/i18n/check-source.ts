import { parse } from '@formatjs/icu-messageformat-parser';
import type { SourceMessage } from './catalogue-source.js';

/** Every French message must be valid ICU MessageFormat: the runtime formatter only reads valid ones. */
export function checkSource(messages: readonly SourceMessage[]): string[] {
  return messages.flatMap((message) => {
    try {
      parse(message.text, { ignoreTag: true });
      return [];
    } catch (error) {
      return [`${message.key}: ICU syntax: ${(error as Error).message}`];
    }
  });
}
