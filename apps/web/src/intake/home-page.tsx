import { useT } from '../i18n/i18n-context';
import { CallButton } from '../ui/call-button';
import { ArrowIcon, CheckIcon, FollowUpIcon, InfoIcon, LockIcon, RequestIcon } from '../ui/icons';
import { SiteLink } from '../ui/site-link';
import { ListenButton } from '../ui/listen-button';

export function HomePage() {
  const t = useT();
  const home = t.home;
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <p className="eyebrow">{home.eyebrow}</p>
        <h1 id="home-title">{home.title}</h1>
        <p className="lead">{home.lead}</p>
        <ListenButton step="home" />
      </section>

      <section aria-labelledby="home-actions">
        <h2 id="home-actions" className="visually-hidden">
          {home.actionsTitle}
        </h2>
        <ul className="actions">
          <li>
            <SiteLink to="/demande" className="action action--primary">
              <RequestIcon className="action__icon" />
              <span className="action__body">
                <span className="action__title">{t.nav.request}</span>
                <span className="action__text">{home.requestText}</span>
              </span>
              <ArrowIcon className="action__arrow" />
            </SiteLink>
          </li>
          <li>
            <SiteLink to="/suivi" className="action">
              <FollowUpIcon className="action__icon" />
              <span className="action__body">
                <span className="action__title">{t.nav.followUp}</span>
                <span className="action__text">{home.followUpText}</span>
              </span>
              <ArrowIcon className="action__arrow" />
            </SiteLink>
          </li>
        </ul>
      </section>

      <section className="urgent" aria-labelledby="home-urgent">
        <h2 id="home-urgent">{home.urgentTitle}</h2>
        <p>{home.urgentText}</p>
        <ListenButton step="urgent-call" />
        <CallButton template={t.layout.call} />
      </section>

      <div className="columns">
        <section aria-labelledby="home-who">
          <h2 id="home-who">{home.whoTitle}</h2>
          {home.who.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <p className="callout">
            <InfoIcon />
            <strong>{home.noCard}</strong>
          </p>
        </section>

        <section aria-labelledby="home-protect">
          <h2 id="home-protect">{home.protectTitle}</h2>
          <ul className="checklist">
            {home.protect.map((item) => (
              <li key={item}>
                <CheckIcon />
                <span>{item}</span>
              </li>
            ))}
          </ul>
          <p>
            <LockIcon className="inline-icon" /> {home.protectLimits} <SiteLink to="/aide">{t.nav.help}</SiteLink>
          </p>
        </section>
      </div>
    </>
  );
}
