export class FieldErrorDto {
  /** The request field that failed, as sent (`page-size`, `hourlyRate.amount`). */
  field: string;
  message: string;
}

/** Every error answer has this shape; never a stack trace or SQL. */
export class ErrorDto {
  /** @example "Workspace not found" */
  message: string;
  /** The HTTP status, repeated. @example 404 */
  code: number;
  errors?: FieldErrorDto[];
}
