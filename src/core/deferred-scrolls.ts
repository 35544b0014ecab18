/**
 * Scrolls applied once at the end of a seek instead of once per recorded scroll.
 *
 * When rrweb seeks it replays every event up to the target synchronously. Each scroll among
 * them (`scrollTo` on the page or an element) makes the browser lay out the whole replayed
 * page there and then, between mutations: on a busy recording that is most of a seek's time
 * (measured on the benchmark's stress page: 30 s of events took 1050 ms, 510 ms of it in
 * `scrollTo`). Likewise, rebuilding a FullSnapshot sets the scroll offsets it recorded
 * (`rr_scrollLeft`/`rr_scrollTop` and `initialOffset`) right after building the page, which
 * lays it out once more before the mutations that follow change it again.
 *
 * Here the Replayer's scrolls during a synchronous replay are only remembered (the last one per
 * node) and applied in one go when the replay is done, so a seek lays the page out once. The
 * scroll offsets of FullSnapshots are taken out of the events the Replayer gets and handled
 * the same way. What is shown after a seek is the same: the last recorded offset of each node.
 * (Only where a recorded offset did not fit the page as it was then, and the page later grew,
 * does rrweb's eager scroll end clamped where this one does not.)
 */
import type { Replayer } from 'rrweb';
import type { RecordingEvent } from '../formats/types.js';

const FULL_SNAPSHOT = 2;

interface ScrollTarget {
  id: number;
  x?: number;
  y?: number;
}

interface SerialisedNode {
  id: number;
  attributes?: Record<string, unknown>;
  childNodes?: SerialisedNode[];
}

interface SnapshotData {
  node: SerialisedNode;
  initialOffset?: { left: number; top: number };
}

type ApplyScroll = (data: { id: number; x: number; y: number }, isSync: boolean) => void;

/** Scroll offsets found in each FullSnapshot handed to the Replayer (keyed by that event). */
const snapshotScrolls = new WeakMap<object, ScrollTarget[]>();

/**
 * The event as the Replayer should get it: FullSnapshots without their scroll offsets (kept
 * aside and applied by DeferredScrolls), every other event as it is.
 */
export function withoutSnapshotScrolls(event: RecordingEvent): RecordingEvent {
  if (event.type !== FULL_SNAPSHOT) return event;
  const data = event.data as unknown as SnapshotData;
  const scrolls: ScrollTarget[] = [];
  const node = stripScrolls(data.node, scrolls);
  const offset = data.initialOffset;
  if (offset && (offset.left || offset.top))
    scrolls.push({ id: data.node.id, x: offset.left, y: offset.top });
  if (scrolls.length === 0) return event;
  const copy = {
    ...event,
    data: { ...data, node, initialOffset: { left: 0, top: 0 } },
  } as unknown as RecordingEvent;
  snapshotScrolls.set(copy, scrolls);
  return copy;
}

/** The node with rr_scrollLeft/rr_scrollTop removed (copying only the paths that had them). */
function stripScrolls(node: SerialisedNode, found: ScrollTarget[]): SerialisedNode {
  let copy = node;
  const attributes = node.attributes;
  if (attributes && ('rr_scrollLeft' in attributes || 'rr_scrollTop' in attributes)) {
    const { rr_scrollLeft, rr_scrollTop, ...rest } = attributes;
    found.push({
      id: node.id,
      x: typeof rr_scrollLeft === 'number' ? rr_scrollLeft : undefined,
      y: typeof rr_scrollTop === 'number' ? rr_scrollTop : undefined,
    });
    copy = { ...node, attributes: rest };
  }
  const children = node.childNodes;
  if (children) {
    let changed: SerialisedNode[] | undefined;
    for (let i = 0; i < children.length; i++) {
      const child = stripScrolls(children[i], found);
      if (child !== children[i]) (changed ??= children.slice())[i] = child;
    }
    if (changed) copy = { ...copy, childNodes: changed };
  }
  return copy;
}

/** Holds back one Replayer's scrolls during synchronous replays; see the module comment. */
export class DeferredScrolls {
  private readonly pending = new Map<
    number,
    ScrollTarget | { id: number; x: number; y: number; event: true }
  >();
  private readonly applyScroll: ApplyScroll;
  private batching = 0;
  private flushQueued = false;

  constructor(private readonly replayer: Replayer) {
    const internals = replayer as unknown as { applyScroll: ApplyScroll };
    this.applyScroll = internals.applyScroll.bind(replayer);
    internals.applyScroll = (data, isSync) => {
      if (!isSync) {
        this.pending.delete(data.id);
        return this.applyScroll(data, isSync);
      }
      this.pending.delete(data.id);
      this.pending.set(data.id, { id: data.id, x: data.x, y: data.y, event: true });
      this.queueFlush();
    };
    replayer.on('fullsnapshot-rebuilded', (event) => {
      // A new page: offsets held for the old one no longer apply.
      this.pending.clear();
      for (const scroll of snapshotScrolls.get(event as object) ?? [])
        this.pending.set(scroll.id, scroll);
      this.queueFlush();
    });
  }

  /** Runs `work` (a seek) and then applies the scrolls it held back. */
  run(work: () => void): void {
    this.batching++;
    try {
      work();
    } finally {
      this.batching--;
    }
    if (this.batching === 0) this.flush();
  }

  private queueFlush() {
    if (this.batching || this.flushQueued) return;
    this.flushQueued = true;
    // rrweb scrolls the page to the snapshot's (zeroed) offset right after announcing the rebuild.
    queueMicrotask(() => this.flush());
  }

  flush(): void {
    this.flushQueued = false;
    if (this.pending.size === 0) return;
    const scrolls = [...this.pending.values()];
    this.pending.clear();
    const mirror = this.replayer.getMirror();
    const doc = this.replayer.iframe.contentDocument;
    for (const scroll of scrolls) {
      if ('event' in scroll || mirror.getNode(scroll.id) === doc) {
        this.applyScroll({ id: scroll.id, x: scroll.x ?? 0, y: scroll.y ?? 0 }, true);
        continue;
      }
      const element = mirror.getNode(scroll.id) as Element | null;
      if (!element) continue;
      if (scroll.x !== undefined) element.scrollLeft = scroll.x;
      if (scroll.y !== undefined) element.scrollTop = scroll.y;
    }
  }
}
