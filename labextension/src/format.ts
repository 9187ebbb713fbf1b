/** Small, pure formatting helpers for the history panel. */

const NUMBER = new Intl.NumberFormat('en-US');

/** "51–60 of 1,234" for a page starting at `skip` with `count` rows out of `total`. */
export function pageRange(skip: number, count: number, total: number): string {
  if (total === 0 || count === 0) {
    return `0 of ${NUMBER.format(total)}`;
  }
  return `${NUMBER.format(skip + 1)}–${NUMBER.format(skip + count)} of ${NUMBER.format(total)}`;
}

/** A short local time: "14:05" today, "Nov 27" this year, "2024-05-01" before. */
export function shortTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (isNaN(date.getTime())) {
    return iso;
  }
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (date.toDateString() === now.toDateString()) {
    return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }
  if (date.getFullYear() === now.getFullYear()) {
    return date.toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
  }
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The file name of a notebook path ("week1/limits.ipynb" → "limits.ipynb"). */
export function baseName(path: string | null): string {
  if (!path) {
    return '';
  }
  const parts = path.split('/');
  return parts[parts.length - 1] || path;
}

const RELATION_LATEX: { [relation: string]: string } = {
  '=': '=',
  '<': '<',
  '<=': '\\le',
  '>': '>',
  '>=': '\\ge',
  '<=>': '\\iff',
  '==>': '\\implies',
  '<==': '\\impliedby'
};

/** The LaTeX for a relation symbol, or the symbol itself in `\text{}`. */
export function relationLatex(relation: string): string {
  return (
    RELATION_LATEX[relation] ?? `\\text{${relation.replace(/[{}\\]/g, '')}}`
  );
}

// TeX macros that can create links, styles or load code: a step containing one is shown as
// plain text instead of being handed to the typesetter.
const UNSAFE_TEX =
  /\\(href|url|class|style|cssId|unicode|require|html|data|input|include)/i;

/** True when `latex` is safe to hand to the LaTeX typesetter. */
export function isSafeLatex(latex: string): boolean {
  return !UNSAFE_TEX.test(latex);
}

/** Create an element with a class and (text-only) content. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** A verdict or status badge; the value also becomes a CSS modifier class. */
export function badge(value: string): HTMLSpanElement {
  const safe = value.replace(/[^a-z-]/gi, '');
  const node = el('span', `proofnb-badge proofnb-badge-${safe}`, value);
  node.dataset.value = value;
  return node;
}

/**
 * The Contents API path of a stored notebook path. Kernels record the absolute file path;
 * JupyterLab opens paths relative to the server root (`serverRoot` in the page config,
 * which may start with `~`). Returns null for a file outside the server root.
 */
export function contentsPath(path: string, serverRoot: string): string | null {
  const clean = path.replace(/\\/g, '/');
  if (!clean.startsWith('/') && !/^[A-Za-z]:\//.test(clean)) {
    return clean; // already relative to the server root
  }
  let root = serverRoot.replace(/\\/g, '/').replace(/\/+$/, '');
  if (root === '') {
    return null;
  }
  if (root.startsWith('~')) {
    // The home folder is not known here: match the part after "~" inside the path.
    root = root.slice(1);
    const at = clean.indexOf(`${root}/`);
    return at >= 0 ? clean.slice(at + root.length + 1) : null;
  }
  return clean.startsWith(`${root}/`) ? clean.slice(root.length + 1) : null;
}
