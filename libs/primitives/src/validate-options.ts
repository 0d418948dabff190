/** How a validator treats values only known at deploy time. */
export interface ValidateOptions {
  /**
   * True for a value that is a deploy-time token (a construct passes cdktf's
   * `Token.isUnresolved`): a rule that would need its value is skipped, since
   * only Terraform knows it. @default - every value is taken literally
   */
  readonly isUnresolved?: (value: unknown) => boolean;
}

/** The predicate of `options`, or one that never skips. */
export function unresolvedOf(options: ValidateOptions): (value: unknown) => boolean {
  return options.isUnresolved ?? (() => false);
}
