import { PRIVACY_NOTICE } from '@mnpddh/shared';
import { useLocale } from '../i18n/i18n-context';

/**
 * The full, versioned privacy notice (Loi 2013-015), from the shared text the
 * API checks the version against: one copy, shown in the form's disclosure
 * and on the help page.
 */
export function PrivacyNoticeText({ headingLevel }: { headingLevel: 'h3' | 'h4' }) {
  const [locale] = useLocale();
  const notice = PRIVACY_NOTICE[locale];
  const Heading = headingLevel;
  return (
    <div className="privacy-notice">
      <p className="privacy-notice__version">{notice.versionLabel}</p>
      {notice.sections.map((section) => (
        <section key={section.title}>
          <Heading className="privacy-notice__title">{section.title}</Heading>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </section>
      ))}
    </div>
  );
}
