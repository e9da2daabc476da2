// Only the elements this page uses: each entry defines its own element (and what it renders inside).
import 'so-licence-kit/so-provider.js';
import 'so-licence-kit/so-owner-info.js';
import 'so-licence-kit/so-licence-list.js';
import 'so-licence-kit/so-user-licence-filter.js';
import type { SoLicenceList, SoLicenceSelectDetail } from 'so-licence-kit';
import { useEffect, useRef, useState } from 'react';

const languages = { en: 'English', da: 'Dansk', de: 'Deutsch', nl: 'Nederlands', nb: 'Norsk', sv: 'Svenska' };

export function App() {
  const [language, setLanguage] = useState('en');
  const [selected, setSelected] = useState<string>();
  const list = useRef<SoLicenceList>(null);

  // The kit follows <html lang> until setLocale() is called: the app's own language switch is enough.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // Kit events bubble and are composed; a ref and addEventListener work in every React version.
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const onSelect = (event: Event) => {
      setSelected((event as CustomEvent<SoLicenceSelectDetail>).detail.moduleName);
    };
    element.addEventListener('so-licence-select', onSelect);
    return () => element.removeEventListener('so-licence-select', onSelect);
  }, []);

  return (
    <>
      <header className="bar">
        <h1>Licences</h1>
        <select aria-label="Language" value={language} onChange={(e) => setLanguage(e.target.value)}>
          {Object.entries(languages).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </header>
      {/* Settings for the elements inside; React 19 passes strings as attributes and objects as properties. */}
      <so-provider api-base={import.meta.env.VITE_SO_API_BASE || '/api/v1'}>
        <main className="grid">
          <section>
            <h2>Owner</h2>
            <so-owner-info owner="SUPEROFFICE"></so-owner-info>
          </section>
          <section>
            <h2>User licences</h2>
            <so-licence-list ref={list} owner="SUPEROFFICE" kind="user"></so-licence-list>
            {selected && <p role="status">Selected: {selected}</p>}
          </section>
          <section className="wide">
            <h2>Who holds which licence</h2>
            <so-user-licence-filter></so-user-licence-filter>
          </section>
        </main>
      </so-provider>
    </>
  );
}
