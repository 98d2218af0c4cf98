import { useEffect, useRef, useState } from 'react';
import './listen-button.css';
import { parseSpokenHelp, SPOKEN_HELP_META, spokenPromptPath, type SpokenHelpStepId } from '@mnpddh/shared';
import { useSiteLocale, useT } from '../i18n/i18n-context';
import { Icon } from './icons';

/** The prompts the server listed in the page itself (no request to learn them). */
const recorded = parseSpokenHelp(document.querySelector(`meta[name="${SPOKEN_HELP_META}"]`)?.getAttribute('content'));

const SpeakerIcon = () => (
  <Icon>
    <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4Z" />
    <path d="M15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11" />
  </Icon>
);

/**
 * "Écouter": a prompt the mechanism recorded for this step, in the page's
 * language, for people who do not read. Shown only when one exists; the
 * audio is fetched from this origin when pressed, never before.
 */
export function ListenButton({ step }: { step: SpokenHelpStepId }) {
  const t = useT();
  // The page's own language (Bambara included), not the staff side's French/English.
  const [locale] = useSiteLocale();
  const [pressed, setPressed] = useState(false);
  const audio = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    if (pressed) void audio.current?.play().catch(() => undefined);
  }, [pressed]);
  if (!recorded.some((prompt) => prompt.step === step && prompt.language === locale)) return null;
  if (pressed) {
    return <audio ref={audio} className="listen" controls preload="none" src={spokenPromptPath(locale, step)} aria-label={t.layout.listen} />;
  }
  return (
    <button type="button" className="listen listen--button" onClick={() => setPressed(true)}>
      <SpeakerIcon />
      <span>{t.layout.listen}</span>
    </button>
  );
}
