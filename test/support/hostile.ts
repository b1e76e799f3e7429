/**
 * For tests of hostile input: what reached the page as an error (an uncaught exception, an unhandled
 * rejection, or a kit listener or effect that threw and was caught by the store's guard), and finding
 * elements through shadow roots.
 */

export interface PageWatch {
  /** Everything thrown into the page since `watchPage()`. */
  readonly errors: unknown[];
  stop(): void;
}

export function watchPage(): PageWatch {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => {
    // The virtualizer's benign loop notice (TOOLCHAIN trap 8) is no error of the kit.
    if (!/ResizeObserver loop/.test(e.message ?? '')) errors.push(e.error ?? e.message);
  };
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('[dc-widgets]') && args[0].includes('threw')) errors.push(args);
    consoleError.apply(console, args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      console.error = consoleError;
    },
  };
}

/** Every element matching `selector` under `root`, through open shadow roots, in document order. */
export function deepAll(root: ParentNode, selector: string): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll<HTMLElement>('*')) {
      if (el.matches(selector)) found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return found;
}
