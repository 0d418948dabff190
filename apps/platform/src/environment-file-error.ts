import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '@boomi-eks/config';

/** Where in an environment file, as written (1-based line and column). */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

/**
 * An environment file (or folder) that cannot be loaded: a syntax error, no
 * default export, an exception while the file is evaluated, a file name the
 * loader does not accept, or a missing or empty folder. Its message is the
 * whole report: `<file>:<line>:<column>: <message>`, the line as written, and
 * a hint. No stack trace. A ConfigError, so every caller that prints
 * ConfigErrors prints it.
 */
export class EnvironmentFileError extends ConfigError {
  constructor(
    /** The file or folder, as given to the loader. */
    readonly file: string,
    readonly problem: string,
    readonly hint: string,
    readonly location?: SourceLocation,
  ) {
    super(path.basename(file), [{ path: path.basename(file), value: displayPath(file), message: problem, fix: hint }]);
    this.name = 'EnvironmentFileError';
    const shown = displayPath(file);
    const where = location ? `${shown}:${location.line}:${location.column}` : shown;
    const excerpt = location ? sourceExcerpt(file, location) : '';
    this.message = `${where}: ${problem}\n${excerpt}  hint: ${hint}`;
  }
}

/** Relative to the working directory when inside it, else absolute. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** The line as written, with a caret under the column. */
function sourceExcerpt(file: string, at: SourceLocation): string {
  let text: string | undefined;
  try {
    text = fs.readFileSync(file, 'utf8').split(/\r?\n/)[at.line - 1];
  } catch {
    return '';
  }
  if (text === undefined) return '';
  const gutter = `  ${at.line} | `;
  return `${gutter}${text}\n${' '.repeat(gutter.length + Math.max(0, at.column - 1))}^\n`;
}
