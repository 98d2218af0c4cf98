import { Link } from 'react-router';
import { useLocale } from '../../i18n/i18n-context';
import { useCaseWorkMenuT } from '../assisted-intake/menu-strings';

const HEADING = { fr: 'Réglages du mécanisme', en: 'Mechanism settings' };
const PARTNERS = {
  fr: { title: 'Annuaire des partenaires', text: 'les organisations vers lesquelles orienter un dossier.' },
  en: { title: 'Partner directory', text: 'the organisations a case may be referred to.' },
};
const SPOKEN_HELP = {
  fr: { title: 'Aide parlée', text: 'les messages enregistrés par le mécanisme pour les défenseurs qui ne lisent pas.' },
  en: { title: 'Spoken help', text: 'the messages the mechanism recorded for defenders who do not read.' },
};
const TEMPLATES = {
  fr: { title: 'Modèles de documents', text: 'dossier, attestation et lettre d’intervention, en français et en anglais.' },
  en: { title: 'Document templates', text: 'case file, attestation and letter of intervention, in French and English.' },
};

/** Links from the admin page to the reference lists and the on-call rota. */
export function ReferenceLinks() {
  const [locale] = useLocale();
  const t = useCaseWorkMenuT();
  return (
    <section aria-labelledby="admin-settings-title" className="admin-settings">
      <h2 id="admin-settings-title">{HEADING[locale]}</h2>
      <ul className="admin-settings__links">
        <li>
          <Link to="/personnel/admin/listes">{t.lists.title}</Link> — <span className="muted">{t.lists.text}</span>
        </li>
        <li>
          <Link to="/personnel/admin/astreinte">{t.rota.title}</Link> — <span className="muted">{t.rota.text}</span>
        </li>
        <li>
          <Link to="/personnel/admin/partenaires">{PARTNERS[locale].title}</Link> — <span className="muted">{PARTNERS[locale].text}</span>
        </li>
        <li>
          <Link to="/personnel/admin/aide-parlee">{SPOKEN_HELP[locale].title}</Link> — <span className="muted">{SPOKEN_HELP[locale].text}</span>
        </li>
        <li>
          <Link to="/personnel/admin/modeles">{TEMPLATES[locale].title}</Link> — <span className="muted">{TEMPLATES[locale].text}</span>
        </li>
      </ul>
    </section>
  );
}
