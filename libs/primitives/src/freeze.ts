/**
 * Deep-freezes plain data (objects and arrays), so a lib's exported DEFAULTS
 * cannot be changed by a consumer at run time. Returns the same object.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
