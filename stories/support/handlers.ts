import { http, HttpResponse } from 'msw';
import { licenseInfo, localeFrom, type ExtendedLicenseInfo } from '../../src/mocks/data.js';

/** E1 from the mock data, changed by `change`, in the request's language. */
export const licencesWith = (change: (owners: ExtendedLicenseInfo[]) => ExtendedLicenseInfo[]) =>
  http.get('*/api/v1/License', ({ request }) =>
    HttpResponse.json(change(licenseInfo('default', localeFrom(request.headers.get('Accept-Language'))))),
  );
