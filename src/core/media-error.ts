/**
 * The player's error, shaped like the DOM's MediaError so media tooling can read it:
 * `code` is one of the MEDIA_ERR_* constants and `message` a sentence for a person.
 */
export class ReplayMediaError extends Error {
  override readonly name = 'ReplayMediaError';
  static readonly MEDIA_ERR_ABORTED = 1;
  static readonly MEDIA_ERR_NETWORK = 2;
  static readonly MEDIA_ERR_DECODE = 3;
  static readonly MEDIA_ERR_SRC_NOT_SUPPORTED = 4;

  constructor(
    /** 1 aborted, 2 network, 3 decode, 4 format not supported. */
    readonly code: 1 | 2 | 3 | 4,
    /** What failed, where, and what to try, as one or two sentences. */
    message: string,
  ) {
    super(message);
  }
}
