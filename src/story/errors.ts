// Validation problems found in story and layer files, phrased for the person who wrote them.

export interface DataError {
  /** The file the problem is in, as given to the loader (URL or path). */
  file: string;
  /** Field path inside the file, e.g. `steps[3].camera.zoom`; empty for the whole file. */
  path: string;
  /** The step's id when the problem is inside a step. */
  stepId?: string;
  /** 1-based line in the file where the parser could tell. */
  line?: number;
  message: string;
  /**
   * `warning` for advice about something that runs but is probably not what the author meant
   * (a list without its blank line, a place far from all others); errors otherwise.
   */
  severity?: 'error' | 'warning';
}

export function formatPath(segments: readonly (string | number)[]): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}

export function formatError(e: DataError): string {
  const where = [
    e.line !== undefined ? `${e.file}:${e.line}` : e.file,
    e.stepId !== undefined ? `step "${e.stepId}"` : undefined,
    e.path ? e.path : undefined,
  ].filter(Boolean);
  const prefix = e.severity === 'warning' ? 'warning: ' : '';
  return `${where.join(' › ')}: ${prefix}${e.message}`;
}

export const isWarning = (e: DataError): boolean => e.severity === 'warning';

export class DataErrors extends Error {
  constructor(readonly errors: DataError[]) {
    super(errors.map(formatError).join('\n'));
    this.name = 'DataErrors';
  }
}
