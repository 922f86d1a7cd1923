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
  error: { code: ErrorCode | 'INTERNAL' | 'UNAVAILABLE'; message: string; details: Record<string, unknown> };
}

// The database cannot take the request right now (PostgreSQL down or restarting, the disk full, the
// data folder unwritable): 503 and a message saying so, never a bare 500. Nothing was stored,
// because every write is one transaction.
const unavailableMessages = {
  database: '数据库暂时无法连接，本次操作未保存；请稍后重试。若持续出现，请联系系统管理员检查数据库服务。',
  full: '服务器存储空间已满，本次操作（含上传的文件）未保存；请联系系统管理员清理磁盘后重试。',
  readOnly: '服务器数据目录当前不可写，本次操作（含上传的文件）未保存；请联系系统管理员检查数据目录权限。',
  busy: '数据库正忙，本次操作未保存；请稍后重试。',
} as const;

// PostgreSQL SQLSTATE classes 08 (connection), 53 (insufficient resources), 57P (shutdown,
// restart) and node's socket errors; SQLite's result codes for a full disk, a read-only file, I/O.
// Not 08P01 (protocol violation): the server is up and answered — it is what a statement with more
// than 65,535 bind parameters gets, our fault (500), not an outage to wait out.
function unavailable(error: unknown): { message: string; reason: string } | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string') {
    if (code === 'SQLITE_FULL' || code === '53100')
      return { message: unavailableMessages.full, reason: 'disk_full' };
    if (
      code.startsWith('SQLITE_READONLY') ||
      code.startsWith('SQLITE_CANTOPEN') ||
      code.startsWith('SQLITE_IOERR')
    )
      return { message: unavailableMessages.readOnly, reason: 'storage' };
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      return { message: unavailableMessages.busy, reason: 'busy' };
    if (
      (/^(08|53|57P)/.test(code) && code !== '08P01') ||
      /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH)$/.test(code)
    )
      return { message: unavailableMessages.database, reason: 'database' };
  }
  // pg's own words when a connection drops mid-query or cannot be made in time.
  if (
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(error.message)
  )
    return { message: unavailableMessages.database, reason: 'database' };
  return undefined;
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
  const down = unavailable(error);
  if (down)
    return {
      status: 503,
      body: { error: { code: 'UNAVAILABLE', message: down.message, details: { reason: down.reason } } },
    };
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
