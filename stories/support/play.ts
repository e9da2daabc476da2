import { delay, http } from 'msw';

/** `tag`'s element in the story, once its shadow root has an element matching `selector` (waits up to 5 s). */
export async function whenShown(canvas: HTMLElement, tag: string, selector: string): Promise<HTMLElement | null> {
  const el = canvas.querySelector<HTMLElement>(tag);
  for (let i = 0; i < 100 && !el?.shadowRoot?.querySelector(selector); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return el;
}

/** Clicks and focuses the first element matching `selector` in `tag`'s shadow root once it is rendered. */
export async function activateWhenShown(canvas: HTMLElement, tag: string, selector: string): Promise<void> {
  const target = (await whenShown(canvas, tag, selector))?.shadowRoot?.querySelector<HTMLElement>(selector);
  target?.click();
  target?.focus();
}

/**
 * A story's msw handler: the export's page (`$top=1000`) at `$skip=skip` of `path` (under `/api/v1/`) never answers,
 * so *Download CSV*'s progress with *Cancel* stays on screen.
 */
export const stallExportAt = (path: string, skip: number) =>
  http.get(`*/api/v1/${path}`, async ({ request }) => {
    const q = new URL(request.url).searchParams;
    if (q.get('$top') === '1000' && q.get('$skip') === String(skip)) await delay('infinite');
    return undefined;
  });
