/**
 * The decoder runtime: the format pipeline plus the worker's message loop, built by esbuild into
 * the body of one self-contained function (`virtual:decode-worker`, build/virtual-modules.mjs).
 * That one copy serves both threads: the worker is a Blob of the function's own source text, and
 * the main-thread fallback (when a CSP blocks blob workers) simply calls the function. So the
 * decoder ships once in the bundle, not twice.
 */
import { decodeRecording } from '../formats/index.js';
import { toDecodeFailure } from './decode-failure.js';
import { PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from './protocol.js';

export { decodeRecording, toDecodeFailure };

/** The worker side of the protocol; `scope` is the worker's global. */
export function serveWorker(scope: {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}): void {
  scope.onmessage = ({ data: request }) => {
    switch (request.type) {
      case 'decode': {
        const { id } = request;
        try {
          const recording = decodeRecording(request.input, {
            onProgress: (progress) => scope.postMessage({ type: 'progress', id, progress }),
          });
          scope.postMessage({ type: 'result', id, recording });
        } catch (error) {
          scope.postMessage({ type: 'error', id, error: toDecodeFailure(error) });
        }
        break;
      }
      default:
        request.type satisfies never;
    }
  };
  scope.postMessage({ type: 'ready', v: PROTOCOL_VERSION });
}
