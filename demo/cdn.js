// Configures the CDN build after the elements already stand in the page (as a host would).
import { configure } from '/dist/cdn/so-licence-kit.js';

const params = new URLSearchParams(location.search);
configure({ apiBase: '/api/v1', auth: { mode: 'none' }, locale: params.get('lang') ?? 'en' });
if (params.get('theme') === 'dark') document.documentElement.setAttribute('theme', 'dark');
