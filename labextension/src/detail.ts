import { PageConfig } from '@jupyterlab/coreutils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { ILatexTypesetter } from '@jupyterlab/rendermime';
import { Widget } from '@lumino/widgets';

import { badge, contentsPath, el, isSafeLatex, relationLatex } from './format';
import { requestAPI } from './request';
import { IProof, IStep } from './types';

/** What the detail view needs from the application. */
export interface IDetailOptions {
  proofId: string;
  typesetter: ILatexTypesetter | null;
  docManager: IDocumentManager | null;
}

/**
 * One stored proof: its metadata, a link to its notebook, and every step as typeset
 * mathematics with status, method, counterexample and domain notes.
 *
 * Database text only ever reaches the DOM as `textContent`; maths goes through the
 * LaTeX typesetter, which reads it from text nodes.
 */
export class ProofDetail extends Widget {
  constructor(options: IDetailOptions) {
    super();
    this._options = options;
    this.addClass('proofnb-detail');
    this.node.tabIndex = -1;
    this.node.appendChild(el('div', 'proofnb-status', 'Loading proof…'));
  }

  /** The stored id of the proof shown. */
  get proofId(): string {
    return this._options.proofId;
  }

  /** Fetch the proof and render it (again). */
  async load(): Promise<void> {
    try {
      const proof = await requestAPI<IProof>(
        `proofs/${encodeURIComponent(this._options.proofId)}`
      );
      this.title.label =
        proof.title || firstLine(proof.text) || `Proof ${proof.id}`;
      this.render(proof);
    } catch (error) {
      this.node.replaceChildren(
        el(
          'div',
          'proofnb-status proofnb-error',
          `Could not load proof ${this._options.proofId}: ${(error as Error).message}`
        )
      );
    }
  }

  protected render(proof: IProof): void {
    const head = el('header', 'proofnb-detail-head');
    const heading = el('h2', 'proofnb-detail-title', this.title.label);
    heading.prepend(badge(proof.verdict), ' ');
    head.appendChild(heading);

    const meta = el('dl', 'proofnb-meta');
    const add = (term: string, value: string | Node): void => {
      if (value === '') {
        return;
      }
      meta.appendChild(el('dt', '', term));
      const dd = el('dd');
      dd.append(value);
      meta.appendChild(dd);
    };
    add('Checked', new Date(proof.created).toLocaleString());
    add('Notebook', this.notebookLink(proof.notebook));
    add('Conclusion', proof.conclusion);
    add('Domain', proof.domain);
    add('Assumptions', (proof.assume ?? []).join(', '));
    add('Flags', (proof.flags ?? []).join(', '));
    add('Message', proof.message ?? '');
    head.appendChild(meta);

    const steps = el('ol', 'proofnb-steps');
    for (const step of proof.steps ?? []) {
      steps.appendChild(this.renderStep(step));
    }
    if ((proof.steps ?? []).length === 0) {
      steps.appendChild(el('li', 'proofnb-status', 'This proof has no steps.'));
    }

    const source = el('details', 'proofnb-source');
    source.appendChild(el('summary', '', 'Source'));
    source.appendChild(el('pre', '', proof.text));

    this.node.replaceChildren(head, steps, source);
  }

  protected renderStep(step: IStep): HTMLLIElement {
    const item = el('li', 'proofnb-step');
    item.dataset.status = step.status;

    const line = el('div', 'proofnb-step-line');
    line.appendChild(badge(step.status));
    const maths = el('span', 'proofnb-math');
    const latex = `${step.lhs_latex} ${relationLatex(step.relation)} ${step.rhs_latex}`;
    if (
      step.lhs_latex &&
      step.rhs_latex &&
      isSafeLatex(latex) &&
      this._options.typesetter
    ) {
      maths.textContent = `\\(${latex}\\)`;
      void this._options.typesetter.typeset(maths);
    } else {
      maths.classList.add('proofnb-plain');
      maths.textContent = `${step.lhs} ${step.relation} ${step.rhs}`;
    }
    line.appendChild(maths);
    item.appendChild(line);

    const facts: string[] = [];
    if (step.method) {
      facts.push(`method: ${step.method}`);
    }
    if (step.seconds) {
      facts.push(`${(step.seconds * 1000).toFixed(1)} ms`);
    }
    if (step.line) {
      facts.push(`line ${step.line}`);
    }
    if (facts.length) {
      item.appendChild(el('div', 'proofnb-step-facts', facts.join(' · ')));
    }
    if (step.counterexample) {
      item.appendChild(
        el(
          'div',
          'proofnb-counterexample',
          `Counterexample (${step.counterexample.kind}): ${step.counterexample.text}`
        )
      );
    }
    for (const note of step.notes ?? []) {
      item.appendChild(el('div', 'proofnb-note', `Domain note: ${note}`));
    }
    if (step.message) {
      item.appendChild(el('div', 'proofnb-message', step.message));
    }
    return item;
  }

  protected notebookLink(path: string | null): string | Node {
    if (!path) {
      return '';
    }
    const docManager = this._options.docManager;
    const target = contentsPath(path, PageConfig.getOption('serverRoot'));
    if (!docManager || target === null) {
      return path; // outside the server root: show where it was, without a link
    }
    const link = el('a', 'proofnb-notebook-link', target);
    link.href = '#';
    link.title = `Open ${target}`;
    link.addEventListener('click', event => {
      event.preventDefault();
      docManager.openOrReveal(target);
    });
    return link;
  }

  private _options: IDetailOptions;
}

function firstLine(text: string): string {
  return (text ?? '').split('\n').find(line => line.trim() !== '') ?? '';
}
