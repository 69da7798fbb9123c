// Domain errors carry a stable code and a message key. Services throw these,
// never HTTP errors; src/platform/http/errors.ts maps codes to statuses, and the
// i18n catalogues map `error.<code>` to text in each language.

export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  already_exists: 409,
  email_taken: 409,
  slug_taken: 409,
  token_invalid: 410,
  payload_too_large: 413,
  rate_limited: 429,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];
  readonly params: Record<string, string | number>;

  constructor(
    code: ErrorCode,
    options: { message?: string; fields?: FieldIssue[]; params?: Record<string, string | number> } = {},
  ) {
    super(options.message ?? code);
    this.name = "DomainError";
    this.code = code;
    this.fields = options.fields ?? [];
    this.params = options.params ?? {};
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

export const notFound = (what: string) => new DomainError("not_found", { params: { what } });
export const forbidden = () => new DomainError("forbidden");
