import { Debouncer, Poll } from '@lumino/polling';
import { Message } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';

import { badge, baseName, el, pageRange, shortTime } from './format';
import { proofIcon } from './icon';
import { requestAPI } from './request';
import { IProofPage, IProofQuery, IProofSummary, Verdict } from './types';

/** How often the visible panel asks for new proofs. */
const REFRESH_MS = 3000;
const PAGE_SIZES = [10, 25, 50, 100];
const VERDICTS: Verdict[] = ['accepted', 'review', 'rejected'];

/** Options of the history panel. */
export interface IHistoryPanelOptions {
  /** Called with a proof's id when the user opens a row. */
  openProof: (id: string) => void;
}

/**
 * The "Proof history" side panel: a table of stored proofs, newest first, with paging,
 * page size, verdict filter and text search. It refreshes itself while visible and
 * stands by while hidden (no requests).
 */
export class HistoryPanel extends Widget {
  constructor(options: IHistoryPanelOptions) {
    super();
    this._openProof = options.openProof;
    this.id = 'proofnb-history';
    this.title.icon = proofIcon;
    this.title.caption = 'Proof history';
    this.addClass('proofnb-history');

    this.node.append(
      this.buildControls(),
      this._status,
      this.buildTable(),
      this.buildPager()
    );

    this._searchDebouncer = new Debouncer(() => {
      this.setQuery({ q: this._search.value.trim(), skip: 0 });
    }, 300);
    this._poll = new Poll({
      auto: false,
      factory: () => this.load(true),
      frequency: { interval: REFRESH_MS, backoff: true, max: 10 * REFRESH_MS },
      name: 'proofnb:history',
      standby: () => !this.isVisible || 'when-hidden'
    });
  }

  /** The query behind the rows shown. */
  get query(): Readonly<IProofQuery> {
    return this._query;
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._poll.dispose();
    this._searchDebouncer.dispose();
    super.dispose();
  }

  /** Reload the current page now. */
  async refresh(): Promise<void> {
    await this.load(false).catch(() => undefined);
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    void this.refresh();
    void this._poll.start();
  }

  protected setQuery(change: Partial<IProofQuery>): void {
    this._query = { ...this._query, ...change };
    void this.refresh();
  }

  /**
   * Fetch the page for the current query and render it. Answers to older requests are
   * dropped, so fast paging never shows a stale page. `fromPoll` rethrows errors so
   * that the poll backs off.
   */
  protected async load(fromPoll: boolean): Promise<void> {
    const ticket = ++this._ticket;
    const query = this._query;
    try {
      const page = await requestAPI<IProofPage>('proofs', {
        skip: query.skip,
        limit: query.limit,
        verdict: query.verdict,
        q: query.q
      });
      if (ticket === this._ticket) {
        this.renderPage(query, page);
      }
    } catch (error) {
      if (ticket === this._ticket) {
        this.renderError((error as Error).message);
      }
      if (fromPoll) {
        throw error;
      }
    }
  }

  protected renderPage(query: IProofQuery, page: IProofPage): void {
    if (page.items.length === 0 && page.total > 0 && query.skip > 0) {
      // The page emptied (proofs deleted or a narrower filter): go to the last page.
      const last = Math.max(
        0,
        Math.floor((page.total - 1) / query.limit) * query.limit
      );
      this.setQuery({ skip: last });
      return;
    }
    const key = JSON.stringify([query, page]);
    this.node.dataset.state = page.total === 0 ? 'empty' : 'ready';
    if (key === this._shown) {
      return; // Nothing new: keep the DOM (and the user's focus) as it is.
    }
    this._shown = key;

    this._body.replaceChildren(...page.items.map(item => this.renderRow(item)));
    this._range.textContent = pageRange(
      query.skip,
      page.items.length,
      page.total
    );
    this._prev.disabled = query.skip <= 0;
    this._next.disabled = query.skip + page.items.length >= page.total;
    this._table.hidden = page.items.length === 0;

    if (page.total === 0) {
      const filtered = query.q !== '' || query.verdict !== '';
      this._status.textContent = filtered
        ? 'No proofs match this search. Clear the search box or choose "All verdicts".'
        : 'No proofs yet. Run `%load_ext proofnb` and a `%%verify` cell in a notebook: every checked proof appears here.';
      this._status.className = 'proofnb-status proofnb-empty';
      this._status.hidden = false;
    } else {
      this._status.hidden = true;
    }
  }

  protected renderError(message: string): void {
    this.node.dataset.state = 'error';
    this._shown = '';
    this._status.className = 'proofnb-status proofnb-error';
    this._status.replaceChildren(
      el('p', '', `Could not load the proof history: ${message}`),
      el(
        'p',
        '',
        'Check that the proofnb server extension is enabled (`jupyter server extension list`) and that the history database is readable, then retry.'
      )
    );
    const retry = el(
      'button',
      'jp-Button jp-mod-styled jp-mod-accept',
      'Retry'
    );
    retry.addEventListener('click', () => void this.refresh());
    this._status.appendChild(retry);
    this._status.hidden = false;
    this._table.hidden = true;
  }

  protected renderRow(item: IProofSummary): HTMLTableRowElement {
    const row = el('tr', 'proofnb-row');
    row.tabIndex = 0;
    row.dataset.id = String(item.id);
    row.dataset.verdict = item.verdict;
    const label = item.title || item.first_line || `Proof ${item.id}`;

    // The sidebar is narrow: notebook and time sit under the title in the same cell.
    const proof = el('td', 'proofnb-col-title');
    proof.title = [label, item.conclusion, item.notebook ?? '']
      .filter(Boolean)
      .join('\n');
    const sub = el('span', 'proofnb-sub');
    const time = el('span', 'proofnb-time', shortTime(item.created));
    time.title = new Date(item.created).toLocaleString();
    sub.append(time);
    if (item.notebook) {
      sub.append(
        ' · ',
        el('span', 'proofnb-notebook', baseName(item.notebook))
      );
    }
    proof.append(el('span', 'proofnb-title', label), sub);
    const verdict = el('td', 'proofnb-col-verdict');
    verdict.appendChild(badge(item.verdict));
    const steps = el('td', 'proofnb-col-steps', String(item.step_count));
    steps.title = item.refuted_count
      ? `${item.step_count} steps, ${item.refuted_count} refuted`
      : `${item.step_count} steps`;
    row.append(proof, verdict, steps);

    const open = (): void => this._openProof(String(item.id));
    row.addEventListener('click', open);
    row.addEventListener('keydown', event => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
    return row;
  }

  protected buildControls(): HTMLElement {
    const bar = el('div', 'proofnb-controls');
    bar.appendChild(el('h2', 'proofnb-heading', 'Proof history'));

    this._search.type = 'search';
    this._search.className = 'jp-mod-styled proofnb-search';
    this._search.placeholder = 'Search titles and text';
    this._search.setAttribute('aria-label', 'Search proofs');
    this._search.addEventListener(
      'input',
      () => void this._searchDebouncer.invoke()
    );

    const verdict = el('select', 'jp-mod-styled proofnb-verdict');
    verdict.setAttribute('aria-label', 'Filter by verdict');
    verdict.append(
      option('', 'All verdicts'),
      ...VERDICTS.map(v => option(v, v))
    );
    verdict.addEventListener('change', () =>
      this.setQuery({ verdict: verdict.value as Verdict | '', skip: 0 })
    );

    const size = el('select', 'jp-mod-styled proofnb-page-size');
    size.setAttribute('aria-label', 'Rows per page');
    size.append(...PAGE_SIZES.map(n => option(String(n), `${n} per page`)));
    size.value = String(this._query.limit);
    size.addEventListener('change', () =>
      this.setQuery({ limit: Number(size.value), skip: 0 })
    );

    const filters = el('div', 'proofnb-filters');
    filters.append(verdict, size);
    bar.append(this._search, filters);
    return bar;
  }

  protected buildTable(): HTMLElement {
    const head = el('thead');
    const headRow = el('tr');
    for (const [name, cls] of [
      ['Proof', 'title'],
      ['Verdict', 'verdict'],
      ['Steps', 'steps']
    ]) {
      headRow.appendChild(el('th', `proofnb-col-${cls}`, name));
    }
    head.appendChild(headRow);
    this._table.append(head, this._body);
    this._table.hidden = true;
    const wrap = el('div', 'proofnb-table-wrap');
    wrap.appendChild(this._table);
    this._status.hidden = false;
    this._status.textContent = 'Loading…';
    return wrap;
  }

  protected buildPager(): HTMLElement {
    const pager = el('div', 'proofnb-pager');
    this._prev.className = 'jp-Button jp-mod-styled proofnb-prev';
    this._prev.textContent = '‹ Newer';
    this._prev.title = 'Previous page (newer proofs)';
    this._next.className = 'jp-Button jp-mod-styled proofnb-next';
    this._next.textContent = 'Older ›';
    this._next.title = 'Next page (older proofs)';
    this._prev.addEventListener('click', () =>
      this.setQuery({ skip: Math.max(0, this._query.skip - this._query.limit) })
    );
    this._next.addEventListener('click', () =>
      this.setQuery({ skip: this._query.skip + this._query.limit })
    );
    this._prev.disabled = this._next.disabled = true;
    pager.append(this._prev, this._range, this._next);
    return pager;
  }

  private _openProof: (id: string) => void;
  private _query: IProofQuery = { skip: 0, limit: 25, verdict: '', q: '' };
  private _ticket = 0;
  private _shown = '';
  private _poll: Poll;
  private _searchDebouncer: Debouncer;
  private _search = el('input');
  private _status = el('div', 'proofnb-status');
  private _table = el('table', 'proofnb-table');
  private _body = el('tbody');
  private _range = el('span', 'proofnb-range', '');
  private _prev = el('button');
  private _next = el('button');
}

function option(value: string, label: string): HTMLOptionElement {
  const node = el('option', '', label);
  node.value = value;
  return node;
}
