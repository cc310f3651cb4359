// The "Citations" view in the Explorer: the entries of the active document with how often each is cited, uncited ones
// marked; choosing one reveals it. The server does the counting (request `citewise/entries`); this only shows it.

import { EventEmitter, ThemeIcon, TreeItem, Uri, type Event, type TreeDataProvider } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface EntryLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

interface EntryItem {
  label: string;
  title?: string;
  citedCount: number;
  location: EntryLocation;
}

function cited(count: number): string {
  return count === 0 ? 'not cited' : count === 1 ? 'cited once' : `cited ${count} times`;
}

export class EntriesView implements TreeDataProvider<EntryItem> {
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeTreeData: Event<void> = this.changed.event;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly activeUri: () => Uri | undefined,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(element?: EntryItem): Promise<EntryItem[]> {
    const running = this.client();
    const uri = this.activeUri();
    if (element || !running?.isRunning() || !uri) return [];
    const items = await running.sendRequest<EntryItem[] | null>('citewise/entries', { uri: running.code2ProtocolConverter.asUri(uri) }).then(undefined, () => null);
    return items ?? [];
  }

  getTreeItem(item: EntryItem): TreeItem {
    const tree = new TreeItem(item.label);
    tree.description = cited(item.citedCount);
    tree.tooltip = item.title ? `${item.label}: ${item.title}` : item.label;
    tree.iconPath = new ThemeIcon(item.citedCount === 0 ? 'warning' : 'book');
    const { start, end } = item.location.range;
    tree.command = {
      title: 'Reveal the entry',
      command: 'vscode.open',
      arguments: [Uri.parse(item.location.uri), { selection: { start, end } }],
    };
    return tree;
  }
}
