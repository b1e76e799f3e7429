/**
 * Where Up, Down, Home and End move the focus in a list of `length` items from `index`: the index to
 * focus, or undefined for any other key. Menus wrap around (WAI-ARIA menu pattern); lists stop at their
 * ends (listbox pattern).
 */
export function rovingIndex(key: string, index: number, length: number, wrap: boolean): number | undefined {
  if (length === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return wrap ? (index + 1) % length : Math.min(length - 1, index + 1);
    case 'ArrowUp':
      return wrap ? (index - 1 + length) % length : Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
    default:
      return undefined;
  }
}
