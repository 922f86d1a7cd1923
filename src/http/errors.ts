import type { FastifyError } from 'fastify';
import { z } from 'zod';
import { AppError, type ErrorCode } from '../domain/errors.ts';
import { httpMessages as m } from './messages.ts';

/** The one table from domain error codes to HTTP statuses. */
export const STATUS_OF: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  RATE_LIMITED: 429,
};

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode | 'INTERNAL'; message: string; details: Record<string, unknown> };
}

/** Turns zod's issues into INVALID_INPUT naming each field and why (zod speaks Chinese, see app.ts). */
export function invalidInputFrom(error: z.ZodError, where: 'body' | 'query' | 'params'): AppError {
  const issues = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : where,
    message: issue.message,
  }));
  const summary = issues.map((i) => `${m.fieldPrefix(i.field)}：${i.message}`).join('；');
  return new AppError('INVALID_INPUT', m.invalidInput(summary), { issues });
}

// Fastify's and @fastify/multipart's own errors, by code, rephrased as domain errors.
function fromFastifyError(error: FastifyError, uploadLimitMb: number): AppError | undefined {
  switch (error.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('TOO_LARGE', m.tooLarge(uploadLimitMb), { limitMb: uploadLimitMb });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('TOO_LARGE', m.bodyTooLarge);
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('TOO_LARGE', m.tooManyParts);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_TYPE', m.unsupportedMediaType);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('INVALID_INPUT', m.invalidJson);
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('INVALID_INPUT', m.invalidBody);
  }
  return undefined;
}

/** The status and body for any thrown value; unknown errors become a generic 500 (the caller logs them). */
export function toErrorResponse(error: unknown, uploadLimitMb: number): { status: number; body: ErrorBody } {
  const appError =
    error instanceof AppError
      ? error
      : error instanceof z.ZodError
        ? invalidInputFrom(error, 'body')
        : isFastifyError(error)
          ? fromFastifyError(error, uploadLimitMb)
          : undefined;
  if (!appError)
    return { status: 500, body: { error: { code: 'INTERNAL', message: m.internal, details: {} } } };
  return {
    status: STATUS_OF[appError.code],
    body: { error: { code: appError.code, message: appError.message, details: appError.details } },
  };
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).code === 'string';
}

/** The zod schema of the error body, for the OpenAPI document. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
});
