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
  'users-edit': 'Sort by a column, search by name, group, role or plan. Open a user to switch their licences on and off or change their plan (Undo for 10 seconds); tick users (Shift for a range, Space on a row) to assign or remove a licence for all of them.',
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
    'users-edit': 'Sorter efter en kolonne, søg efter navn, gruppe, rolle eller plan. Åbn en bruger for at slå deres licenser til og fra eller skifte plan (Fortryd i 10 sekunder); markér brugere (Skift for et område, Mellemrum på en række) for at tildele eller fjerne en licens for dem alle.',
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
    'users-edit': 'Nach einer Spalte sortieren, nach Name, Gruppe, Rolle oder Plan suchen. Öffnen Sie einen Benutzer, um seine Lizenzen ein- und auszuschalten oder seinen Plan zu ändern (Rückgängig 10 Sekunden lang); markieren Sie Benutzer (Umschalt für einen Bereich, Leertaste auf einer Zeile), um allen eine Lizenz zuzuweisen oder zu entziehen.',
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
    'users-edit': 'Sorteer op een kolom, zoek op naam, groep, rol of plan. Open een gebruiker om zijn licenties aan en uit te zetten of zijn plan te wijzigen (10 seconden ongedaan te maken); vink gebruikers aan (Shift voor een reeks, spatie op een rij) om hun allemaal een licentie toe te wijzen of te ontnemen.',
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
    'users-edit': 'Sorter etter en kolonne, søk etter navn, gruppe, rolle eller plan. Åpne en bruker for å slå lisensene av og på eller bytte plan (Angre i 10 sekunder); kryss av brukere (Shift for et område, mellomrom på en rad) for å tildele eller fjerne en lisens for alle.',
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
    'users-edit': 'Sortera efter en kolumn, sök på namn, grupp, roll eller plan. Öppna en användare för att slå på och av deras licenser eller byta plan (Ångra i 10 sekunder); markera användare (Skift för ett intervall, blanksteg på en rad) för att tilldela eller ta bort en licens för alla.',
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
