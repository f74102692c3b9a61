/** Codes carried in GraphQL `extensions.code`; clients and the admin rely on them. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** Work that took longer than the server allows (e.g. a criteria preview); it was stopped. */
  TIMEOUT = 'TIMEOUT',
  /**
   * The database cannot be reached (answered with HTTP 503); retry later. `extensions.outcome = 'UNKNOWN'` on a
   * mutation whose COMMIT was sent but not confirmed: it may have been saved, reload and check (the version tells).
   */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /**
   * The mutation was saved (its COMMIT was confirmed), but the database was lost while its answer was being read
   * back: do not repeat it, reload to see the result. Never SERVICE_UNAVAILABLE, which would say it failed.
   */
  SAVED_RELOAD_NEEDED = 'SAVED_RELOAD_NEEDED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
