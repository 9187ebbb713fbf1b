import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import {
  ICommandPalette,
  MainAreaWidget,
  WidgetTracker
} from '@jupyterlab/apputils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { ILatexTypesetter, IRenderMimeRegistry } from '@jupyterlab/rendermime';

import { ProofDetail } from './detail';
import { proofIcon } from './icon';
import { HistoryPanel } from './panel';

namespace CommandIDs {
  export const openHistory = 'proofnb:open-history';
  export const openProof = 'proofnb:open-proof';
}

/**
 * The proofnb history panel: a left-sidebar "Proof history" table over the proofnb
 * server extension, a detail view per proof, and a command palette entry.
 */
const plugin: JupyterFrontEndPlugin<void> = {
  id: 'proofnb:history',
  description: 'Browse, filter and open the proofnb proof history.',
  autoStart: true,
  optional: [
    ICommandPalette,
    ILayoutRestorer,
    ILatexTypesetter,
    IRenderMimeRegistry,
    IDocumentManager
  ],
  activate: (
    app: JupyterFrontEnd,
    palette: ICommandPalette | null,
    restorer: ILayoutRestorer | null,
    typesetter: ILatexTypesetter | null,
    rendermime: IRenderMimeRegistry | null,
    docManager: IDocumentManager | null
  ) => {
    const latex = typesetter ?? rendermime?.latexTypesetter ?? null;
    const tracker = new WidgetTracker<MainAreaWidget<ProofDetail>>({
      namespace: 'proofnb-proof'
    });

    app.commands.addCommand(CommandIDs.openProof, {
      label: 'Open Proof',
      execute: args => {
        const id = String(args.id);
        const open = tracker.find(w => w.content.proofId === id);
        if (open) {
          app.shell.activateById(open.id);
          return open;
        }
        const content = new ProofDetail({
          proofId: id,
          typesetter: latex,
          docManager
        });
        const widget = new MainAreaWidget({ content });
        widget.id = `proofnb-proof-${id.replace(/[^\w-]/g, '_')}`;
        widget.title.label = `Proof ${id}`;
        widget.title.icon = proofIcon;
        widget.title.closable = true;
        void tracker.add(widget);
        app.shell.add(widget, 'main');
        app.shell.activateById(widget.id);
        void content.load();
        return widget;
      }
    });

    const panel = new HistoryPanel({
      openProof: id => void app.commands.execute(CommandIDs.openProof, { id })
    });
    app.shell.add(panel, 'left', { rank: 650 });
    restorer?.add(panel, 'proofnb-history');

    app.commands.addCommand(CommandIDs.openHistory, {
      label: 'Proof history',
      caption: 'Show the proofnb proof history',
      icon: proofIcon,
      execute: () => app.shell.activateById(panel.id)
    });
    palette?.addItem({ command: CommandIDs.openHistory, category: 'proofnb' });
  }
};

export default plugin;
