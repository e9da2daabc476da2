// The demo page's own texts (the kit's texts come from its translations): page title, breadcrumb, headings,
// switchers and the add-on tab. `{code}` stands for the <code> element kept in the add-on text.
type Texts = Record<string, string>;

const en: Texts = {
  title: 'Settings and maintenance · Licences — so-licence-kit demo',
  settings: 'Settings and maintenance',
  licences: 'Licences',
  'demo-settings': 'Demo settings',
  language: 'Language',
  theme: 'Theme',
  light: 'Light',
  dark: 'Dark',
  scenario: 'Mock scenario',
  audit: 'Audit log',
  'addon-text': 'This tab is a third-party add-on: any child with {code} becomes a tab.',
  users: 'Users',
  'users-lead': 'Who holds which licence: the licence side of the Users screen.',
  holders: 'Licence holders',
  'holders-lead': 'Who holds Sales Premium: remove it, move a holder to another plan, or assign it to more users. Try the read-only, conflict, write-fails and slow-writes scenarios.',
};

export const pageTexts: Record<string, Texts> = {
  en,
  da: {
    title: 'Indstillinger og vedligeholdelse · Licenser — so-licence-kit-demo',
    settings: 'Indstillinger og vedligeholdelse',
    licences: 'Licenser',
    'demo-settings': 'Demoindstillinger',
    language: 'Sprog',
    theme: 'Tema',
    light: 'Lyst',
    dark: 'Mørkt',
    scenario: 'Testscenarie',
    audit: 'Revisionslog',
    'addon-text': 'Denne fane er en tilføjelse fra en tredjepart: ethvert underelement med {code} bliver til en fane.',
    users: 'Brugere',
    'users-lead': 'Hvem har hvilken licens: licenssiden af skærmbilledet Brugere.',
    holders: 'Licensindehavere',
    'holders-lead': 'Hvem har Sales Premium: fjern den, flyt en indehaver til en anden plan, eller tildel den til flere brugere. Prøv scenarierne read-only, conflict, write-fails og slow-writes.',
  },
  de: {
    title: 'Einstellungen und Wartung · Lizenzen — so-licence-kit-Demo',
    settings: 'Einstellungen und Wartung',
    licences: 'Lizenzen',
    'demo-settings': 'Demo-Einstellungen',
    language: 'Sprache',
    theme: 'Design',
    light: 'Hell',
    dark: 'Dunkel',
    scenario: 'Testszenario',
    audit: 'Prüfprotokoll',
    'addon-text': 'Diese Registerkarte ist ein Add-on eines Drittanbieters: Jedes Kindelement mit {code} wird zu einer Registerkarte.',
    users: 'Benutzer',
    'users-lead': 'Wer welche Lizenz hat: die Lizenzseite des Bildschirms Benutzer.',
    holders: 'Lizenzinhaber',
    'holders-lead': 'Wer Sales Premium hat: entfernen, einen Inhaber in einen anderen Plan verschieben oder weiteren Benutzern zuweisen. Probieren Sie die Szenarien read-only, conflict, write-fails und slow-writes.',
  },
  nl: {
    title: 'Instellingen en onderhoud · Licenties — so-licence-kit-demo',
    settings: 'Instellingen en onderhoud',
    licences: 'Licenties',
    'demo-settings': 'Demo-instellingen',
    language: 'Taal',
    theme: 'Thema',
    light: 'Licht',
    dark: 'Donker',
    scenario: 'Testscenario',
    audit: 'Auditlogboek',
    'addon-text': 'Dit tabblad is een add-on van een derde partij: elk onderliggend element met {code} wordt een tabblad.',
    users: 'Gebruikers',
    'users-lead': 'Wie welke licentie heeft: de licentiekant van het scherm Gebruikers.',
    holders: 'Licentiehouders',
    'holders-lead': "Wie Sales Premium heeft: verwijderen, een houder naar een ander plan verplaatsen of aan meer gebruikers toewijzen. Probeer de scenario's read-only, conflict, write-fails en slow-writes.",
  },
  nb: {
    title: 'Innstillinger og vedlikehold · Lisenser — so-licence-kit-demo',
    settings: 'Innstillinger og vedlikehold',
    licences: 'Lisenser',
    'demo-settings': 'Demoinnstillinger',
    language: 'Språk',
    theme: 'Tema',
    light: 'Lyst',
    dark: 'Mørkt',
    scenario: 'Testscenario',
    audit: 'Revisjonslogg',
    'addon-text': 'Denne fanen er et tillegg fra en tredjepart: ethvert underelement med {code} blir en fane.',
    users: 'Brukere',
    'users-lead': 'Hvem som har hvilken lisens: lisenssiden av skjermbildet Brukere.',
    holders: 'Lisensinnehavere',
    'holders-lead': 'Hvem som har Sales Premium: fjern den, flytt en innehaver til en annen plan, eller tildel den til flere brukere. Prøv scenariene read-only, conflict, write-fails og slow-writes.',
  },
  sv: {
    title: 'Inställningar och underhåll · Licenser — so-licence-kit-demo',
    settings: 'Inställningar och underhåll',
    licences: 'Licenser',
    'demo-settings': 'Demoinställningar',
    language: 'Språk',
    theme: 'Tema',
    light: 'Ljust',
    dark: 'Mörkt',
    scenario: 'Testscenario',
    audit: 'Granskningslogg',
    'addon-text': 'Den här fliken är ett tillägg från tredje part: varje underelement med {code} blir en flik.',
    users: 'Användare',
    'users-lead': 'Vem som har vilken licens: licenssidan av skärmbilden Användare.',
    holders: 'Licensinnehavare',
    'holders-lead': 'Vem som har Sales Premium: ta bort den, flytta en innehavare till en annan plan eller tilldela den till fler användare. Prova scenarierna read-only, conflict, write-fails och slow-writes.',
  },
};

/** Writes the page's own texts in `locale` (English for any other). */
export function translatePage(locale: string): void {
  const t = pageTexts[locale] ?? en;
  document.title = t.title;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) {
    const text = t[el.dataset.t!] ?? en[el.dataset.t!];
    const code = el.querySelector('code');
    if (code && text.includes('{code}')) {
      const [before, after] = text.split('{code}');
      el.replaceChildren(before, code, after);
    } else {
      el.textContent = text;
    }
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-t-label]')) el.setAttribute('aria-label', t[el.dataset.tLabel!]);
  for (const el of document.querySelectorAll<HTMLElement>('[data-t-attr]')) {
    const [attr, key] = el.dataset.tAttr!.split(':');
    el.setAttribute(attr, t[key]);
  }
}
