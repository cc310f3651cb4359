// Hovers until the answer is formatted in the citation style: the server shows an entry's plain summary until it has
// built the style engine, which it does only after a quiet moment.

import type { Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import type { TestServer } from './lspClient';

/** Longer than the quiet time the server waits for before it builds the engine, which each request restarts. */
const PAUSE_BETWEEN_HOVERS_MS = 500;

export async function hoverText(server: TestServer, uri: string, position: Position): Promise<string | undefined> {
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

/** The first hover text that matches `styled`, or the last one given when none did within the time. */
export async function styledHoverText(server: TestServer, uri: string, position: Position, styled: RegExp, timeoutMs = 30_000): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  let text = await hoverText(server, uri, position);
  while (!(text !== undefined && styled.test(text)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_HOVERS_MS));
    text = await hoverText(server, uri, position);
  }
  return text;
}
