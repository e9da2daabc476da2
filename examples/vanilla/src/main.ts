// Importing the package defines every element of the kit (<so-licences>, <so-owner-info>, …).
import { configure, setLocale, type Locale } from 'so-licence-kit';

// Inside SuperOffice the Web API is on the page's origin and the session cookie authenticates: that is the default.
// From anywhere else, point the kit at a tenant and hand it a token:
//   configure({ apiBase: 'https://online.superoffice.com/Cust12345/api/v1', auth: { mode: 'bearer', getToken } });
configure({ apiBase: import.meta.env.VITE_SO_API_BASE || '/api/v1' });

const language = document.querySelector<HTMLSelectElement>('#language')!;
language.addEventListener('change', () => void setLocale(language.value as Locale));

// Every data element reports its loads and failures with bubbling, composed events.
const status = document.querySelector<HTMLElement>('#status')!;
document.addEventListener('so-load', (event) => {
  status.textContent = `Loaded ${(event.target as Element).localName}`;
});
document.addEventListener('so-error', (event) => {
  status.textContent = `Could not load ${(event.target as Element).localName}`;
});
