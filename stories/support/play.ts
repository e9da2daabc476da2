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
