/** An expected failure with a Chinese message that is safe to show to the user. */
export class AppError extends Error {
  constructor(
    public readonly code: 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unauthenticated',
    message: string,
    public readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const GENERIC_ERROR = '系统繁忙，请稍后重试';

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
