import { defineConfig } from 'vite';

// `npm run dev` proxies /api to a SuperOffice Web API: SO_API_ORIGIN, or the kit's mock API
// (`npm run mock-api` in the so-licence-kit repository serves it on http://127.0.0.1:9090).
export default defineConfig({
  server: { proxy: { '/api': process.env.SO_API_ORIGIN ?? 'http://127.0.0.1:9090' } },
  build: { target: 'es2022' },
});
