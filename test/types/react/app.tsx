// A React 19 app's use of the kit, type-checked against the built package (`so-licence-kit/jsx`, generated from the
// manifest by @wc-toolkit/jsx-types). No declarations written by hand: the only setup is `types` in tsconfig.json.
import { useRef, useState } from 'react';
import 'so-licence-kit';
import type { SoLicenceList, SoLoadDetail } from 'so-licence-kit';

export function Licences() {
  const [tab, setTab] = useState('superoffice');
  const list = useRef<SoLicenceList>(null);
  return (
    <so-provider api-base="/api/v1" locale="nb">
      <so-licences selected="status" onso-tab-change={(e) => setTab(e.detail.tab)} />
      <so-licence-list ref={list} owner="SUPEROFFICE" kind="user" onso-load={(e) => console.log(e.detail.source)} />
      <button onClick={() => void list.current?.refresh()}>Reload</button>
      <so-metered-button months={6} badge />
      <so-system-events refresh-interval={30} onso-event-select={(e) => console.log(e.detail.id.toFixed())} />
      <so-user-licence-filter value="" onchange={(e) => console.log(e.target.value)} />
      <so-owner-info owner="SUPEROFFICE" theme="dark" onso-error={(e) => console.log(e.detail.kind)} />
      <so-status-database />
      <p>{tab}</p>
    </so-provider>
  );
}

export function Wrong() {
  const onLoad = (e: CustomEvent<SoLoadDetail>) => e.detail.source;
  return (
    <>
      {/* @ts-expect-error -- kind is all, system or user */}
      <so-licence-list kind="plans" onso-load={onLoad} />
      {/* @ts-expect-error -- theme is dark or light */}
      <so-owner-info theme="blue" />
      {/* @ts-expect-error -- months is a number */}
      <so-metered-button months="six" />
      {/* @ts-expect-error -- so-tab-change's detail has no source */}
      <so-licences onso-tab-change={(e) => e.detail.source} />
      {/* @ts-expect-error -- a ref to another element type */}
      <so-owner-info ref={useRef<HTMLInputElement>(null)} />
      {/* @ts-expect-error -- not an element of the kit */}
      <so-licence />
    </>
  );
}
