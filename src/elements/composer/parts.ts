/**
 * What the composer's shell and its controllers share: the task the composer writes in, read from the
 * store, and the few things of the shell a controller may use. The shell (`composer.ts`) owns the text
 * box, the store and the notices; each controller owns one concern (template fields, attachments,
 * formatting, popovers) and asks the shell through `ComposerParts`, so the shell's own fields stay
 * private.
 */
import type { ReactiveControllerHost } from 'lit';
import type { DcConfig } from '../../model/config.js';
import type { Draft } from '../../model/draft.js';
import type { ComposerOption, MediaConfig } from '../../model/media.js';
import type { Task } from '../../model/tasks.js';
import type { DcStoreApi } from '../../store/api.js';
import type { CatalogueState, DcState, KitConnection } from '../../store/state.js';

/** The slice of the store the composer shows. */
export interface ComposerView {
  readonly config: DcConfig;
  readonly tasks: Readonly<Record<string, Task>>;
  readonly drafts: Readonly<Record<string, Draft>>;
  readonly selectedTaskId: string | undefined;
  readonly connection: KitConnection;
  readonly catalogue: CatalogueState;
  /** Transfers under way, by task (XFER-4: Send waits while one is pending). */
  readonly transfers: DcState['transfers'];
}

/** The task the composer writes in, as far as the store knows it. */
export interface Target {
  readonly view: ComposerView;
  readonly taskId: string | undefined;
  readonly task: Task | undefined;
  readonly media: MediaConfig | undefined;
  readonly draft: Draft;
  /** Why the agent cannot write now ('no-task', 'not-held'); undefined when they can. */
  readonly block: 'no-task' | 'not-held' | 'transferring' | undefined;
}

/** A task that can take messages, with its media. */
export type Writable = Target & { readonly taskId: string; readonly task: Task; readonly media: MediaConfig; readonly block: undefined };

/** Whether the media offers `option` in its composer (COMP-2). */
export function offers(media: MediaConfig | undefined, option: ComposerOption): boolean {
  return media?.options.includes(option) ?? false;
}

/** What a controller may ask of the composer's shell. */
export interface ComposerParts {
  readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  /** The store in use, if any. */
  store(): DcStoreApi | undefined;
  /** The target when the agent may write in it now. */
  writable(): Writable | undefined;
  /** Resolves once the composer has rendered what is pending, without waiting for panels on their way. */
  rendered(): Promise<void>;
  /** The text box, once rendered. */
  area(): HTMLTextAreaElement | undefined;
  /** Stores the draft (a draft with nothing in it is dropped). */
  setDraft(target: Writable, draft: Draft): void;
  /** COMP-6: tells the agent, once, that the locked template refused the edit. */
  refuseLocked(): void;
  /** Forgets the notice the agent was shown (a new edit, a new template). */
  clearNotice(): void;
  /** Reads the box's selection again (the style buttons show the selection's style). */
  readSelection(): void;
  /** Runs `fn`, which words something outside a render, in the composer's language. */
  inOwnLocale<T>(fn: () => T): T;
}

/** Focuses the toolbar button `action` once the composer has rendered (a panel on its way may still come). */
export async function focusButton(parts: ComposerParts, action: string): Promise<void> {
  await parts.rendered();
  parts.host.renderRoot.querySelector<HTMLElement>(`[data-action="${action}"]`)?.focus();
}
