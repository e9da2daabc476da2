import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ApiError } from '../src/api/errors.js';
import { BulkQueue, bulkTemplate } from '../src/core/bulk-queue.js';
import { confirmChange, deepActiveElement } from '../src/core/confirm-dialog.js';
import { define, KitElement } from '../src/core/kit-element.js';
import { WriteAction, writeFailureText, writeNoticeTemplate, type WriteJob } from '../src/core/write-action.js';
import { recordEvents, shadow } from './support/mocks.js';

/** A host for the controllers: a button per write, the notice and the bulk view. */
class TestWriter extends KitElement {
  action = new WriteAction(this, 150);
  bulk = new BulkQueue<string>(this, {
    work: (item) => this.worker(item),
    onFinished: () => this.finished++,
  });
  worker: (item: string) => Promise<void | 'unchanged'> = () => Promise.resolve();
  finished = 0;
  job?: WriteJob;
  unchanged = { label: 'Already had it', count: (n: number) => `${n} already had it.` };
  override render() {
    const busy = this.action.isBusy('k');
    return html`<button id="write" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'} @click=${() => this.job && this.action.run(this.job)}>Write</button>
      ${writeNoticeTemplate(this.action)} ${this.bulk.items.length ? bulkTemplate(this.bulk, { title: 'Assigning', name: (x) => String(x), unchanged: this.unchanged }, () => {}) : ''}`;
  }
}
define('test-writer', TestWriter);

const deferred = () => {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
const change = { associateId: 3, ownerName: 'SUPEROFFICE', moduleName: 'ten-sales', assigned: false };

describe('core: confirmation dialog', () => {
  it('asks in a labelled modal dialog, focuses Cancel, Escape cancels and focus returns', async () => {
    const host = await fixture<TestWriter>(html`<test-writer></test-writer>`);
    const button = shadow(host).querySelector<HTMLButtonElement>('#write')!;
    button.focus();
    const answer = confirmChange(host, { heading: 'Remove Sales Premium from Karin Holm?', message: 'She loses access.', confirmLabel: 'Remove', destructive: true });
    await waitUntil(() => shadow(host).querySelector('so-confirm-dialog')?.shadowRoot?.querySelector('dialog[open]'));
    const dialogEl = shadow(host).querySelector('so-confirm-dialog')!;
    const dialog = dialogEl.shadowRoot!.querySelector('dialog')!;
    expect(dialog.getAttribute('aria-labelledby')).to.equal('question');
    expect(dialogEl.shadowRoot!.getElementById('question')!.textContent).to.equal('Remove Sales Premium from Karin Holm?');
    expect(deepActiveElement()!.getAttribute('part')).to.equal('cancel');
    await expect(dialogEl).to.be.accessible();
    // Focus stays in the dialog
    for (let i = 0; i < 3; i++) {
      await sendKeys({ press: 'Tab' });
      expect(['cancel', 'confirm']).to.include(deepActiveElement()?.getAttribute('part'));
    }
    await sendKeys({ press: 'Escape' });
    expect(await answer).to.equal(false);
    expect(shadow(host).querySelector('so-confirm-dialog')).to.equal(null);
    expect(deepActiveElement()).to.equal(button);
  });

  it('resolves true when confirmed; the destructive button is styled as danger', async () => {
    const host = await fixture<TestWriter>(html`<test-writer theme="dark"></test-writer>`);
    const answer = confirmChange(host, { heading: 'Assign?', confirmLabel: 'Assign' });
    await waitUntil(() => shadow(host).querySelector('so-confirm-dialog')?.shadowRoot?.querySelector('dialog[open]'));
    const d = shadow(host).querySelector('so-confirm-dialog')!;
    expect(d.theme).to.equal('dark');
    const confirm = d.shadowRoot!.querySelector<HTMLButtonElement>('[part=confirm]')!;
    expect(confirm.classList.contains('primary')).to.equal(true);
    confirm.click();
    expect(await answer).to.equal(true);
  });
});

describe('core: write action', () => {
  it('one click = one request: busy and aria-busy while it runs; success emits so-assignment-change and offers Undo', async () => {
    const host = await fixture<TestWriter>(html`<test-writer></test-writer>`);
    const events = recordEvents(host, 'so-assignment-change');
    const d = deferred();
    let calls = 0;
    let undone = 0;
    host.job = {
      key: 'k',
      operation: 'unassign',
      run: () => (calls++, d.promise),
      changes: [change],
      done: () => 'Removed.',
      undo: () => ({ key: 'k', operation: 'assign', run: async () => void undone++, changes: [{ ...change, assigned: true }], done: () => 'Restored.' }),
    };
    const button = shadow(host).querySelector<HTMLButtonElement>('#write')!;
    button.click();
    await host.updateComplete;
    expect(button.disabled).to.equal(true);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    void host.action.run(host.job); // a second click that got through anyway
    d.resolve();
    await waitUntil(() => !host.action.isBusy('k'));
    expect(calls).to.equal(1);
    expect(events.map((e) => e.detail)).to.deep.equal([change]);
    await host.updateComplete;
    expect(shadow(host).querySelector('[role=status]')!.textContent).to.contain('Removed.');
    shadow(host).querySelector<HTMLButtonElement>('[part=undo]')!.click();
    await waitUntil(() => undone === 1 && events.length === 2);
    expect(events[1].detail.assigned).to.equal(true);
    await host.updateComplete;
    expect(shadow(host).querySelector('[part=undo]')).to.equal(null); // the undo of an undo is not offered
  });

  it('Undo is offered only for its time', async () => {
    const host = await fixture<TestWriter>(html`<test-writer></test-writer>`);
    await host.action.run({ key: 'k', operation: 'assign', run: async () => {}, changes: [], done: () => 'Done.', undo: () => ({ key: 'k', operation: 'x', run: async () => {}, changes: [], done: () => '' }) });
    await host.updateComplete;
    expect(shadow(host).querySelector('[part=undo]')).not.to.equal(null);
    await waitUntil(() => shadow(host).querySelector('[part=undo]') === null, 'undo expired', { timeout: 2000 });
  });

  it('a failure emits so-write-error and says why; 403 makes it read-only; nothing is retried', async () => {
    const host = await fixture<TestWriter>(html`<test-writer></test-writer>`);
    const errors = recordEvents(host, 'so-write-error');
    let calls = 0;
    const failing = (e: ApiError) => ({ key: 'k', operation: 'assign', run: async () => ((calls++, Promise.reject(e))), changes: [change], done: () => '' });
    expect(await host.action.run(failing(new ApiError('http', 'PATCH /User/3: the server answered 500.', 500)))).to.equal(false);
    await host.updateComplete;
    expect(shadow(host).querySelector('[role=alert]')!.textContent).to.contain('HTTP 500');
    expect(errors[0].detail).to.deep.equal({ kind: 'http', status: 500, message: 'PATCH /User/3: the server answered 500.', operation: 'assign' });
    await host.action.run(failing(new ApiError('http', 'x', 400, 'There is no free Sales Premium licence.')));
    expect(errors[1].detail.message).to.equal('There is no free Sales Premium licence.');
    await host.action.run(failing(new ApiError('forbidden', 'x', 403)));
    expect(host.action.readOnly).to.equal(true);
    expect(calls).to.equal(3);
    expect(errors).to.have.length(3);
  });

  it('maps every kind of failure to a sentence', () => {
    const kinds = ['forbidden', 'conflict', 'unauthorized', 'network', 'timeout', 'invalid-response', 'rejected'] as const;
    const texts = kinds.map((k) => writeFailureText(new ApiError(k, 'x', undefined, k === 'rejected' ? 'Not allowed today.' : undefined)));
    expect(new Set(texts).size).to.equal(kinds.length);
    expect(texts[1]).to.match(/Someone else changed/);
    expect(texts[6]).to.contain('Not allowed today.');
  });
});

describe('core: bulk queue', () => {
  it('runs at most 2 at a time, shows progress, and summarises failures with their reasons; Retry failed re-queues only those', async () => {
    const host = await fixture<TestWriter>(html`<test-writer></test-writer>`);
    let running = 0;
    let peak = 0;
    const seen: string[] = [];
    host.worker = async (item) => {
      seen.push(item);
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      if (item === 'b' || item === 'd') throw new ApiError('http', 'x', 400, `No seat for ${item}.`);
    };
    host.bulk.start(['a', 'b', 'c', 'd', 'e']);
    await host.updateComplete;
    expect(shadow(host).querySelector('progress')).not.to.equal(null);
    await waitUntil(() => !host.bulk.running);
    expect(peak).to.equal(2);
    expect(host.finished).to.equal(1);
    await host.updateComplete;
    const summary = shadow(host).querySelector('[part=summary]')!.textContent!.replace(/\s+/g, ' ');
    expect(summary).to.contain('3 done, 2 failed.');
    expect(summary).to.contain('No seat for b.');
    expect(summary).to.contain('No seat for d.');
    await expect(host).to.be.accessible();
    seen.length = 0;
    host.worker = async (item) => void seen.push(item);
    shadow(host).querySelector<HTMLButtonElement>('[part=retry-failed]')!.click();
    await waitUntil(() => !host.bulk.running && host.finished === 2);
    expect(seen).to.deep.equal(['b', 'd']);
    expect(host.bulk.count('done')).to.equal(5);
  });

  it('sends nothing for items known to be so, counts items the work found so, and folds long lists; the numbers add up', async () => {
    const host = await fixture<TestWriter>(html`<test-writer></test-writer>`);
    const sent: string[] = [];
    host.worker = async (item) => {
      sent.push(item);
      return item === 'x3' ? 'unchanged' : undefined;
    };
    const items = Array.from({ length: 12 }, (_, i) => `x${i}`);
    host.bulk.start(items, ['k1', 'k2']);
    await waitUntil(() => !host.bulk.running);
    await host.updateComplete;
    expect(sent, 'no request for the known ones').to.deep.equal(items);
    expect(['done', 'unchanged', 'failed', 'not-started'].map((s) => host.bulk.count(s as 'done'))).to.deep.equal([11, 3, 0, 0]);
    const summary = shadow(host).querySelector('[part=summary]')!;
    expect(summary.querySelector('[role=status]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('11 done. 3 already had it.');
    // 11 done are folded; the 3 left as they were are listed open.
    expect(summary.querySelector('details.bulk-more summary')!.textContent).to.equal('Done (11)');
    expect(summary.querySelector('details .bulk-list.done')!.children).to.have.length(11);
    expect([...summary.querySelectorAll('.bulk-list.unchanged li')].map((li) => li.textContent!.trim())).to.deep.equal(['x3', 'k1', 'k2']);
    await expect(host).to.be.accessible();
  });

  it('cancel lets the requests in flight finish and marks the rest not started', async () => {
    const host = await fixture<TestWriter>(html`<test-writer></test-writer>`);
    const gates = new Map<string, ReturnType<typeof deferred>>();
    host.worker = (item) => {
      const d = deferred();
      gates.set(item, d);
      return d.promise;
    };
    host.bulk.start(['a', 'b', 'c', 'd']);
    await waitUntil(() => gates.size === 2);
    host.bulk.cancel();
    gates.get('a')!.resolve();
    gates.get('b')!.reject(new ApiError('network', 'x'));
    await waitUntil(() => !host.bulk.running);
    expect(gates.size).to.equal(2);
    expect(host.bulk.items.map((i) => i.state)).to.deep.equal(['done', 'failed', 'not-started', 'not-started']);
    await host.updateComplete;
    expect(shadow(host).querySelector('[part=summary]')!.textContent).to.contain('2 not started');
  });
});
