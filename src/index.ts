/**
 * dc-widgets: every element, the model and the backend interface. Hosts that want less import single
 * elements from `dc-widgets/elements/<name>.js`. The simulated contact centre is not in here: it is
 * `dc-widgets/simulator.js`, loaded on demand by `<dc-provider backend="simulated">` or
 * `loadSimulator()`.
 */
export * from './model/index.js';
export * from './backend/index.js';
export { DcStore, type DcStoreOptions, type DcStoreError, type SendRequest } from './store/store.js';
export type {
  DcState,
  DcNotification,
  KitConnection,
  NotificationKind,
  Draft,
  DraftAttachment,
  CustomerSave,
  OutboxEntry,
  HistoryState,
  CatalogueState,
  SignOutRequest,
  WrapUpSend,
} from './store/state.js';
export { MemoryBlobStore, IdbBlobStore, type BlobStore } from './store/blobs.js';
export { MemoryStorage } from './store/persist.js';
export { ShortcutRegistry } from './context/shortcuts.js';
export { storeContext, shortcutsContext } from './context/contexts.js';
export { setDefaultLocale, getLocale, resolveLocale, localeContext, type DcLocale } from './i18n/localization.js';
export { storeApi, type DcStoreApi } from './store/api.js';
export * from './events/events.js';
export { DcProvider, type DcTheme, type DcBackendName } from './elements/provider/provider.js';
export { DcStatePicker } from './elements/state-picker/state-picker.js';
export { DcNotifications } from './elements/notifications/notifications.js';
export { DcConnectionBanner } from './elements/connection-banner/connection-banner.js';
export { DcOffers } from './elements/offers/offers.js';
export { DcTaskList } from './elements/task-list/task-list.js';
export { DcDesktop } from './elements/desktop/desktop.js';
export { DcChatThread } from './elements/chat-thread/chat-thread.js';
export { DcComposer } from './elements/composer/composer.js';
export { DcWrapUp } from './elements/wrap-up/wrap-up.js';
export { DcSignOutConfirm } from './elements/sign-out-confirm/sign-out-confirm.js';
export { DcTransferMenu } from './elements/transfer/transfer.js';
export type { TransferEntry } from './store/state.js';
export type { TransferChoice } from './store/transfers.js';
export { DcCustomerDetails } from './elements/customer-details/customer-details.js';
