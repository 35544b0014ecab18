/** `posthog-replay info <file>`: what a recording file holds, without playing it. */
import { readRecordingFile } from './recording-file.js';

const EVENT_TYPES: Record<number, string> = {
  0: 'DomContentLoaded',
  1: 'Load',
  2: 'FullSnapshot',
  3: 'IncrementalSnapshot',
  4: 'Meta',
  5: 'Custom',
  6: 'Plugin',
};
const SOURCES: Record<number, string> = {
  0: 'Mutation',
  1: 'MouseMove',
  2: 'MouseInteraction',
  3: 'Scroll',
  4: 'ViewportResize',
  5: 'Input',
  6: 'TouchMove',
  7: 'MediaInteraction',
  8: 'StyleSheetRule',
  9: 'CanvasMutation',
  10: 'Font',
  11: 'Log',
  12: 'Drag',
  13: 'StyleDeclaration',
  14: 'Selection',
  15: 'AdoptedStyleSheet',
  16: 'CustomElement',
};

export interface RecordingInfo {
  file: string;
  format: string;
  formatLabel: string;
  containers: string[];
  durationSeconds: number;
  start: string;
  windows: { id: string; events: number; seconds: number; playable: boolean }[];
  events: number;
  dropped: number;
  histogram: Record<string, number>;
  warnings: string[];
  metadata?: Record<string, unknown>;
}

export async function recordingInfo(path: string): Promise<RecordingInfo> {
  const { decoded, metadata } = await readRecordingFile(path);
  const { report, events } = decoded;
  const histogram: Record<string, number> = {};
  for (const event of events) {
    let name = EVENT_TYPES[event.type] ?? `type ${event.type}`;
    const data = event.data as { source?: number; plugin?: string; tag?: string };
    if (event.type === 3) name += ` / ${SOURCES[data.source ?? -1] ?? `source ${data.source}`}`;
    if (event.type === 6 && data.plugin) name += ` / ${data.plugin}`;
    if (event.type === 5 && data.tag) name += ` / ${data.tag}`;
    histogram[name] = (histogram[name] ?? 0) + 1;
  }
  return {
    file: path,
    format: report.format,
    formatLabel: report.formatLabel,
    containers: report.containers,
    durationSeconds: (report.endTimestamp - report.startTimestamp) / 1000,
    start: new Date(report.startTimestamp).toISOString(),
    windows: report.windows.map((w) => ({
      id: w.id,
      events: w.eventCount,
      seconds: (w.lastTimestamp - w.firstTimestamp) / 1000,
      playable: w.hasFullSnapshot,
    })),
    events: report.eventCount,
    dropped: report.droppedEventCount,
    histogram,
    warnings: report.warnings,
    ...(metadata ? { metadata } : {}),
  };
}

export function formatInfo(info: RecordingInfo): string {
  const lines = [
    `${info.file}`,
    `  format:   ${info.formatLabel} (${info.format})${info.containers.length ? `, inside ${info.containers.join(' → ')}` : ''}`,
    `  start:    ${info.start}`,
    `  duration: ${info.durationSeconds.toFixed(3)} s`,
    `  events:   ${info.events}${info.dropped ? ` (${info.dropped} dropped)` : ''}`,
    `  windows:  ${info.windows.length}`,
    ...info.windows.map(
      (w, i) =>
        `    ${i + 1}. ${w.id || '(no id)'}: ${w.events} events, ${w.seconds.toFixed(1)} s${w.playable ? '' : ', no full snapshot (cannot be shown)'}`,
    ),
    '  events by type:',
    ...Object.entries(info.histogram)
      .sort((a, b) => b[1] - a[1])
      .map(([name, count]) => `    ${String(count).padStart(6)}  ${name}`),
  ];
  const meta = info.metadata;
  if (meta) {
    const url = typeof meta.start_url === 'string' ? meta.start_url : undefined;
    lines.push(
      `  PostHog:  recording ${typeof meta.id === 'string' ? meta.id : '?'}${url ? `, started at ${url}` : ''}`,
    );
    lines.push(`  person:   ${meta.person || meta.distinct_id ? 'included' : 'not included'}`);
  }
  if (info.warnings.length) lines.push('  warnings:', ...info.warnings.map((w) => `    - ${w}`));
  return lines.join('\n');
}
