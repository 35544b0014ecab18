/** The `posthog-replay` command line: argument parsing and dispatch (see docs/portable.md). */
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { exportRecordings } from './export.js';
import { writeHtml } from './html.js';
import { formatInfo, recordingInfo } from './info.js';
import { createProgress } from './progress.js';
import { formatSize, VERSION } from './recording-file.js';

const USAGE = `posthog-replay ${VERSION}: PostHog session recordings as portable files

Usage:
  posthog-replay export <recording-id>… --project <id> [options]
  posthog-replay export --from <date> [--to <date>] --project <id> [options]
  posthog-replay html <recording-file> [-o <file.html>] [--keep-person]
  posthog-replay info <recording-file>… [--json]

export: writes <out>/<id>.posthog-replay.json.gz per recording (a portable bundle).
  --host <url>           PostHog API host ($POSTHOG_HOST, default https://us.posthog.com)
  --project <id>         project (environment) id ($POSTHOG_PROJECT_ID)
  -o, --out <dir>        output folder (default .)
  --from, --to <date>    every recording started in this range (ISO date or PostHog's -7d)
  --filter <key=value>   another list-endpoint parameter, repeatable
  --limit <n>            at most n recordings from a listing (default 100)
  --concurrency <n>      recordings downloaded at once (default 3)
  --force                overwrite bundles that exist (default: skip them, so reruns resume)
  --strip-person         leave out person and distinct_id
  --paths projects       use /api/projects/… instead of /api/environments/…
  --retry-delay <ms>     first backoff delay for 429/5xx answers (default 1000)
  The personal API key comes from $POSTHOG_API_KEY (scope session_recording:read).

html: one self-contained .html file that plays offline (double-click it). Person data is
  left out unless --keep-person. --player <file> picks another player bundle.
`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'export') return await runExport(rest);
    if (command === 'html') return await runHtml(rest);
    if (command === 'info') return await runInfo(rest);
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(USAGE);
      return 0;
    }
    throw new UsageError(`Unknown command "${command}".`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`posthog-replay: ${message}\nRun \`posthog-replay help\` for usage.\n`);
      return 2;
    }
    process.stderr.write(`posthog-replay: ${message}\n`);
    return 1;
  }
}

async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      project: { type: 'string' },
      out: { type: 'string', short: 'o', default: '.' },
      from: { type: 'string' },
      to: { type: 'string' },
      filter: { type: 'string', multiple: true, default: [] },
      limit: { type: 'string', default: '100' },
      concurrency: { type: 'string', default: '3' },
      force: { type: 'boolean', default: false },
      'strip-person': { type: 'boolean', default: false },
      paths: { type: 'string', default: 'environments' },
      'retry-delay': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
  });
  const projectId = values.project ?? process.env.POSTHOG_PROJECT_ID;
  if (!projectId)
    throw new UsageError('Give the project id: --project <id> or $POSTHOG_PROJECT_ID.');
  const apiKey = process.env.POSTHOG_API_KEY;
  if (!apiKey) {
    throw new UsageError(
      'Set POSTHOG_API_KEY to a personal API key with the session_recording:read scope (PostHog → Settings → Personal API keys).',
    );
  }
  if (values.paths !== 'environments' && values.paths !== 'projects')
    throw new UsageError('--paths is "environments" or "projects".');
  const query: Record<string, string> = {};
  if (values.from) query.date_from = values.from;
  if (values.to) query.date_to = values.to;
  for (const pair of values.filter) {
    const at = pair.indexOf('=');
    if (at < 1) throw new UsageError(`--filter takes key=value, not "${pair}".`);
    query[pair.slice(0, at)] = pair.slice(at + 1);
  }
  if (positionals.length === 0 && Object.keys(query).length === 0)
    throw new UsageError('Name recordings to export, or select them with --from/--to/--filter.');
  if (positionals.length > 0 && Object.keys(query).length > 0)
    throw new UsageError('Give recording ids or --from/--to/--filter, not both.');

  const summary = await exportRecordings(
    {
      apiHost: values.host ?? process.env.POSTHOG_HOST ?? 'https://us.posthog.com',
      projectId,
      pathStyle: values.paths,
      apiKey,
      outDir: values.out,
      ids: positionals,
      query: positionals.length ? undefined : query,
      limit: positiveInt(values.limit, '--limit'),
      concurrency: positiveInt(values.concurrency, '--concurrency'),
      force: values.force,
      stripPerson: values['strip-person'],
      retryDelayMs: values['retry-delay'] ? Number(values['retry-delay']) : undefined,
    },
    createProgress(process.stderr, values.quiet),
  );
  const { written, skipped, failed } = summary;
  process.stderr.write(
    `${written.length} exported, ${skipped.length} skipped, ${failed.length} failed.\n`,
  );
  return failed.length > 0 ? 1 : 0;
}

async function runHtml(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      'keep-person': { type: 'boolean', default: false },
      'strip-person': { type: 'boolean', default: true },
      player: { type: 'string' },
      title: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('html takes one recording file.');
  const input = positionals[0];
  const output = values.out ?? `${stem(input)}.html`;
  const { bytes } = await writeHtml(input, {
    output,
    stripPerson: !values['keep-person'],
    player: values.player,
    title: values.title,
  });
  process.stderr.write(`${output} (${formatSize(bytes)}): open it in a browser to play.\n`);
  return 0;
}

async function runInfo(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) throw new UsageError('info takes one or more recording files.');
  let failed = 0;
  const infos = [];
  for (const file of positionals) {
    try {
      infos.push(await recordingInfo(file));
    } catch (error) {
      failed++;
      process.stderr.write(`posthog-replay: ${(error as Error).message}\n`);
    }
  }
  if (values.json) process.stdout.write(`${JSON.stringify(infos, null, 2)}\n`);
  else process.stdout.write(infos.map(formatInfo).join('\n\n') + (infos.length ? '\n' : ''));
  return failed > 0 ? 1 : 0;
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} takes a whole number ≥ 1.`);
  return n;
}

/** `a/b/rec.json.gz` → `rec`: the html file lands in the working folder, named after the input. */
function stem(path: string): string {
  let name = basename(path);
  for (let ext = extname(name); ext; ext = extname(name)) name = name.slice(0, -ext.length);
  return name || 'recording';
}
