import type { Catalogue } from './site-fr.js';

/** English. Same keys as the French reference: a missing key is a type error. */
export const en: Catalogue = {
  meta: {
    name: 'English',
    dir: 'ltr',
    documentTitle: 'Information',
    pageTitles: { home: 'Home', demande: 'Form', suivi: 'Follow-up', rappel: 'Call back', aide: 'Help' },
    staffTitles: { accueil: 'Home', connexion: 'Sign in', liste: 'List', fiche: 'Record', urgences: 'Alerts', agenda: 'Agenda', recherche: 'Search', saisie: 'Entry', statistiques: 'Tables', autre: 'Workspace' },
  },
  layout: {
    skipLink: 'Skip to content',
    brandOwner: 'CNDH Mali',
    brandName: 'Protection of defenders',
    homeLinkLabel: 'Home',
    quickExit: 'Quick exit',
    quickExitHint: 'Opens a weather page at once. On a computer: press Escape twice.',
    emergency: 'Emergency: call {phone}',
    emergencyRegion: 'Emergency and language',
    emergencyShort: 'Emergency: {phone}',
    languageLabel: 'Language',
    footerNavLabel: 'Site pages',
    footerAbout:
      'National Mechanism for the Protection of Human Rights Defenders (MNPDDH), National Human Rights Commission (CNDH) of Mali.',
    footerNoTrace: 'This site keeps no draft on your device.',
    call: 'Call {phone}',
    staffLink: 'Staff area',
    callBack: 'Be called back',
    loading: 'Loading the page…',
    loadFailed: 'The page could not load. The connection may be down.',
    retry: 'Try again',
    listen: 'Listen',
  },
  nav: {
    home: 'Home',
    request: 'Ask for protection',
    followUp: 'Follow my request',
    help: 'Help and safety',
  },
  home: {
    eyebrow: 'National Human Rights Commission of Mali',
    title: 'We protect human rights defenders',
    lead: 'Are you threatened because of your work for human rights? Is a relative or a colleague in danger? You can ask us for help.',
    actionsTitle: 'What you can do here',
    requestText: 'Tell us what is happening, for yourself or for someone close to you.',
    followUpText: 'Have you already made a request? With your receipt, read our answers and add information.',
    urgentTitle: 'In an emergency',
    urgentText:
      'Has someone just been arrested or taken away? Is someone threatening to kill you? Do not wait: call us.',
    whoTitle: 'Who we are',
    who: [
      'We are the protection team of the National Human Rights Commission (CNDH) of Mali. We help human rights defenders who are in danger because of their work. We also help their families and the people who work with them.',
      'A human rights defender is anyone who acts peacefully for the rights of others: a journalist, a lawyer, a trade unionist, a women’s rights activist, a community leader, a member of an association, and many others.',
      'Law n°2018-003 of 12 January 2018 protects human rights defenders in Mali.',
    ],
    noCard: 'You do not need a defender’s card to ask for protection.',
    protectTitle: 'How we protect your request',
    protect: [
      'Only the CNDH protection team reads your request.',
      'Your request is encrypted (locked) as soon as it reaches us.',
      'We do not talk about your situation to anyone else without your consent, unless a life is in immediate danger.',
      'This site does not keep what you write on your device.',
    ],
    protectLimits: 'No website can hide everything. Read what this site protects, and what it cannot protect:',
  },
  help: {
    title: 'Help and safety',
    lead: 'This page says what this site protects, what it cannot protect, and how to use it with less risk.',
    protectsTitle: 'What this site protects',
    protects: [
      'The connection is encrypted: someone watching the network cannot read what you write.',
      'Your request is encrypted as soon as it arrives. Only the CNDH protection team can read it.',
      'This site loads nothing from other sites: no advertising, no audience tracking, no fonts or images from elsewhere.',
    ],
    limitsTitle: 'What this site cannot hide',
    limits: [
      'Your phone company, or the network at your work or in an internet café, can see that you visited this site, at what time, and roughly how much data you sent (for example, whether you sent a large file). It cannot read the content.',
      'Someone who takes your phone can see the browser’s history.',
      'If your phone or computer has spyware on it, that spyware can see what you type.',
    ],
    torTitle: 'The safest way: Tor Browser',
    tor: [
      'Tor Browser is a free browser. It hides from your phone company which site you visit, and it hides from us where you are.',
      'Download it only from the official site torproject.org or from Google Play (publisher: The Tor Project).',
    ],
    dataSaverTitle: 'Avoid “data saver” browsers',
    dataSaver: [
      'Opera Mini and UC Browser send your pages through their company’s servers to compress them. That company can then read what you write.',
      'Use Tor Browser, Firefox or Chrome instead.',
    ],
    exitTitle: 'The “Quick exit” button',
    exit: [
      'It is at the top right of every page. It replaces this site with a weather page at once.',
      'On a computer you can also press the Escape key twice.',
      'It does not erase the browser’s history. On a shared device, use private browsing, or erase the history after your visit.',
    ],
    draftTitle: 'Nothing is kept on your device',
    draft: [
      'This site does not save what you write on your phone or computer: it keeps no draft. Even your choice of language is forgotten when you close the page.',
      'If you close the page before sending, the text is lost. Send the essentials first: you can add more later.',
    ],
  },
  notFound: {
    title: 'Page not found',
    text: 'This address does not exist on this site.',
    backHome: 'Back to home',
  },
};
