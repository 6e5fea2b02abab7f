/** Input that cannot become a story at all (not the format, unreadable, nothing to show). */
export class ImportError extends Error {
  override name = 'ImportError';
}
