/**
 * The one error type for expected failures: bad input, missing things, conflicts.
 * `http/error-handler.ts` turns it into the JSON error shape or an HTML error page;
 * anything that is not an AppError is an unexpected 500.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'page') => new AppError('not_found', `No such ${what}`, 404);
