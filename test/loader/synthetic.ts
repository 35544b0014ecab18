/** A deterministic synthetic rrweb recording of a chosen size, for the decode-client tests. */

/** Text with characters outside Latin-1, so the JSON is a two-byte string like real pages. */
const WORDS = ['rapport', 'tâche', 'données', 'Übersicht', '日本語', 'ключ', 'значение', 'ok'];

function sentence(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 31 + i * 7) % WORDS.length]);
  return out.join(' ');
}

/**
 * Meta + a FullSnapshot of a table, then mutations of about `mutationChars` characters each until
 * the JSON reaches `targetChars`; several events share each millisecond, as in real recordings.
 */
export function syntheticRecording(targetChars: number, mutationChars = 1500): object[] {
  const start = 1_700_000_000_000;
  let id = 10;
  const rows = [];
  for (let r = 0; r < 400; r++) {
    rows.push({
      type: 2,
      tagName: 'tr',
      attributes: { class: `row-${r}` },
      childNodes: [
        { type: 2, tagName: 'td', attributes: {}, childNodes: [], id: id++ },
        { type: 3, textContent: sentence(r, 12), id: id++ },
      ],
      id: id++,
    });
  }
  const events: object[] = [
    { type: 4, data: { href: 'https://example.com/', width: 1280, height: 720 }, timestamp: start },
    {
      type: 2,
      data: {
        node: {
          type: 0,
          childNodes: [
            {
              type: 2,
              tagName: 'html',
              attributes: {},
              childNodes: [
                {
                  type: 2,
                  tagName: 'body',
                  attributes: {},
                  childNodes: [
                    { type: 2, tagName: 'table', attributes: {}, childNodes: rows, id: 4 },
                  ],
                  id: 3,
                },
              ],
              id: 2,
            },
          ],
          id: 1,
        },
        initialOffset: { top: 0, left: 0 },
      },
      timestamp: start + 1,
    },
  ];
  let chars = JSON.stringify(events).length;
  const words = Math.max(1, Math.round(mutationChars / 60));
  for (let i = 0; chars < targetChars; i++) {
    const event = {
      type: 3,
      data: {
        source: 0,
        texts: [{ id: 10 + ((i * 3) % 1200), value: sentence(i, words) }],
        attributes: [{ id: 10 + ((i * 5) % 1200), attributes: { class: `row-${i % 7}` } }],
        removes: [],
        adds: [
          {
            parentId: 4,
            nextId: null,
            node: { type: 3, textContent: sentence(i + 1, words), id: 100_000 + i },
          },
        ],
      },
      timestamp: start + 2 + Math.floor(i / 3) * 10,
    };
    chars += JSON.stringify(event).length + 1;
    events.push(event);
  }
  return events;
}

/** Gzips text with the browser's CompressionStream. */
export async function gzipText(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
