import { useT } from '../i18n/i18n-context';
import { SiteLink } from '../ui/site-link';

export function NotFoundPage() {
  const t = useT();
  return (
    <article className="prose">
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.text}</p>
      <p>
        <SiteLink to="/" className="button">
          {t.notFound.backHome}
        </SiteLink>
      </p>
    </article>
  );
}
