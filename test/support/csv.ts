import { waitUntil } from '@open-wc/testing';
import { part } from './mocks.js';

/** Captures CSV downloads (blob and file name) until `restore()`. */
export function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const blobs: Blob[] = [];
  const { createObjectURL } = URL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob: Blob) => (blobs.push(blob), `blob:${blobs.length - 1}`);
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: blobs[Number(this.href.split(':').pop())] });
  };
  return {
    files,
    restore: () => {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

/** A saved file's lines, without the byte order mark (the last is empty: the file ends with a line end). */
export const csvLines = async (blob: Blob) => (await blob.text()).replace(/^\uFEFF/, '').split('\r\n');

/** Clicks the element's *Download CSV* and waits for the file; the files saved are in the returned capture. */
export async function downloadCsvOf(el: Element, timeout = 4000) {
  const capture = captureDownloads();
  try {
    part(el, 'download')!.click();
    await waitUntil(() => capture.files.length, 'file saved', { timeout });
  } finally {
    capture.restore();
  }
  return capture;
}

/**
 * Clicks the element's *Download CSV*, then runs `meanwhile` (wait for the progress, press *Cancel*, wait for the
 * outcome…) while downloads are captured; the files saved by then are in the returned capture.
 */
export async function exportMeanwhile(el: Element, meanwhile: () => Promise<unknown>) {
  const capture = captureDownloads();
  try {
    part(el, 'download')!.click();
    await meanwhile();
  } finally {
    capture.restore();
  }
  return capture;
}
