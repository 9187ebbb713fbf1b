import { LabIcon } from '@jupyterlab/ui-components';

// A ruled page with a check mark: "checked working".
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24">
  <g class="jp-icon3" fill="#616161">
    <path d="M5 2h10l4 4v8.5h-2V7h-3V4H7v16h6v2H5z"/>
    <path d="M9 9h6v1.6H9zm0 3.5h4v1.6H9z"/>
    <path d="M14.3 18.6l1.4-1.4 1.8 1.8 3.8-3.8 1.4 1.4-5.2 5.2z"/>
  </g>
</svg>`;

/** The proofnb history icon (left sidebar, palette, detail tabs). */
export const proofIcon = new LabIcon({ name: 'proofnb:history', svgstr: svg });
