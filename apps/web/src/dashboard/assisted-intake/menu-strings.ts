import { useLocale } from '../../i18n/i18n-context';
import type { LocaleCode } from '../../i18n/catalogues';

/** The home-menu and admin-page entries of the assisted intake, the reference lists and the rota (their strings live with them). */
export type CaseWorkMenuKey = 'intake' | 'lists' | 'rota';

type MenuText = Record<CaseWorkMenuKey, { title: string; text: string }>;

const menuFr: MenuText = {
  intake: {
    title: 'Saisir une demande',
    text: 'Pour une personne qui a appelé, écrit ou est venue : la demande entre dans les dossiers comme une demande en ligne.',
  },
  lists: {
    title: 'Listes de référence',
    text: 'Régions, types de menace, mesures, bases légales… Modifier les libellés, ajouter ou retirer un élément.',
  },
  rota: {
    title: 'Astreinte',
    text: 'Qui est de garde, et dans quel ordre les alertes passent d’une personne à l’autre.',
  },
};

const menuEn: MenuText = {
  intake: {
    title: 'File a request',
    text: 'For someone who phoned, wrote or came in: the request joins the cases like an online request.',
  },
  lists: {
    title: 'Reference lists',
    text: 'Regions, threat types, measures, legal bases… Edit labels, add or retire an item.',
  },
  rota: {
    title: 'On-call rota',
    text: 'Who is on call, and in which order alerts pass from one person to the next.',
  },
};

const catalogues = { fr: menuFr, en: menuEn } satisfies Record<LocaleCode, MenuText>;

export function useCaseWorkMenuT(): MenuText {
  const [locale] = useLocale();
  return catalogues[locale];
}

export const isCaseWorkMenuKey = (key: string): key is CaseWorkMenuKey => key === 'intake' || key === 'lists' || key === 'rota';
