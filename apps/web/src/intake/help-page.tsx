import { PRIVACY_NOTICE } from '@mnpddh/shared';
import { useLocale, useT } from '../i18n/i18n-context';
import { PrivacyNoticeText } from './privacy-notice-text';

/** What the site protects and what it cannot: honest, so people can choose. */
export function HelpPage() {
  const t = useT();
  const help = t.help;
  const [locale] = useLocale();
  const sections = [
    { id: 'help-protects', title: help.protectsTitle, paragraphs: help.protects },
    { id: 'help-limits', title: help.limitsTitle, paragraphs: help.limits },
    { id: 'help-tor', title: help.torTitle, paragraphs: help.tor },
    { id: 'help-data-saver', title: help.dataSaverTitle, paragraphs: help.dataSaver },
    { id: 'help-exit', title: help.exitTitle, paragraphs: help.exit },
    { id: 'help-draft', title: help.draftTitle, paragraphs: help.draft },
  ];
  return (
    <article className="prose">
      <h1>{help.title}</h1>
      <p className="lead">{help.lead}</p>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id} className="help-section">
          <h2 id={section.id}>{section.title}</h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </section>
      ))}
      <section aria-labelledby="help-privacy" className="help-section">
        <h2 id="help-privacy">{PRIVACY_NOTICE[locale].title}</h2>
        <PrivacyNoticeText headingLevel="h3" />
      </section>
    </article>
  );
}
