/**
 * `posthog-replay html <file>`: one self-contained .html file (player + gzipped recording inlined)
 * that plays by double-click under file://. A Content-Security-Policy keeps it offline: the
 * recorded page's images, fonts and beacons are never fetched, so opening it leaks nothing.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipBundle, makeBundle, readRecordingFile, writeAtomically } from './recording-file.js';

export interface HtmlOptions {
  output: string;
  stripPerson: boolean;
  /** The one-file player build; defaults to dist/posthog-replay.js next to this CLI. */
  player?: string;
  title?: string;
}

const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data:',
  'media-src data: blob:',
  'worker-src blob:',
].join('; ');

export async function writeHtml(input: string, options: HtmlOptions): Promise<{ bytes: number }> {
  const { decoded, metadata } = await readRecordingFile(input);
  const playerPath =
    options.player ?? fileURLToPath(new URL('../posthog-replay.js', import.meta.url));
  let player: string;
  try {
    player = await readFile(playerPath, 'utf8');
  } catch {
    throw new Error(`Cannot read the player bundle ${playerPath}: run \`npm run build\` first.`);
  }
  const bundle = makeBundle(decoded, metadata, { file: basename(input) }, options);
  const recording = gzipBundle(bundle).toString('base64');
  const id = typeof metadata?.id === 'string' ? metadata.id : basename(input);
  const html = page({ title: options.title ?? `Recording ${id}`, player, recording });
  await writeAtomically(options.output, html);
  return { bytes: Buffer.byteLength(html) };
}

function page({ title, player, recording }: { title: string; player: string; recording: string }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="posthog-replay">
<title>${escapeHtml(title)}</title>
<style>html,body{margin:0;height:100%}posthog-replay{display:block;width:100vw;height:100vh}</style>
</head>
<body>
<posthog-replay></posthog-replay>
<script>${scriptSafe(player)}</script>
<script type="application/gzip;base64" id="posthog-replay-recording">${recording}</script>
<script>
(() => {
  const text = document.getElementById('posthog-replay-recording').textContent.trim();
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  document.querySelector('posthog-replay').recording = bytes;
})();
</script>
</body>
</html>
`;
}

/** `</script` or `<!--` inside the inlined code would end or confuse the script element. */
function scriptSafe(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
