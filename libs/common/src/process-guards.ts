/**
 * What the process does with an error nobody handled. A request's stream failing (a client that went away, a cut
 * upload, a socket reset) concerns that request only: it is logged and the server keeps serving its calls and agents.
 * A promise rejection nobody awaited is a bug, but one request's bug: logged, not fatal. Anything else thrown out of
 * the event loop leaves the process in an unknown state: logged as fatal, and the process exits so that its
 * supervisor restarts it (leases and imports are released by the next start).
 */
const REQUEST_SCOPED_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
  'ERR_HTTP_HEADERS_SENT',
  'Z_DATA_ERROR',
  'Z_BUF_ERROR',
  'HPE_INVALID_EOF_STATE',
]);
const REQUEST_SCOPED_MESSAGES =
  /^(aborted|request aborted|unexpected end of (form|file)|malformed part header|incorrect header check)$/i;

export function isRequestScopedError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && REQUEST_SCOPED_CODES.has(code)) return true;
  return typeof message === 'string' && REQUEST_SCOPED_MESSAGES.test(message);
}

export interface ProcessGuardLog {
  error(message: string): void;
  fatal?(message: string): void;
}

/** Installs the policy above once per process; returns a function that removes it (tests). */
export function installProcessGuards(log: ProcessGuardLog, exit: (code: number) => void = process.exit): () => void {
  const text = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));
  const onRejection = (reason: unknown): void => {
    log.error(`unhandled promise rejection (the server keeps serving): ${text(reason)}`);
  };
  const onException = (e: unknown): void => {
    if (isRequestScopedError(e)) {
      log.error(`a request's stream failed and nobody handled it (the server keeps serving): ${text(e)}`);
      return;
    }
    (log.fatal ?? log.error).call(log, `uncaught exception, exiting: ${text(e)}`);
    exit(1);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
