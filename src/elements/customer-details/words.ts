/** The customer details' words that depend on data (CUST-3): why a value is refused, what a Save did. */
import { msg, str } from '../../i18n/localization.js';
import type { CustomerFieldConfig } from '../../model/config.js';
import type { CustomerFieldError } from '../../model/customer.js';
import type { CustomerSave } from '../../store/state.js';

/** Why a value is refused, in the agent's language (CUST-3). */
export function fieldErrorText(error: CustomerFieldError, field: CustomerFieldConfig): string {
  switch (error) {
    case 'required':
      return msg('Enter a value.', { id: 'details.error-required' });
    case 'email':
      return msg('Enter an email address, such as name@example.com.', { id: 'details.error-email' });
    case 'phone':
      return msg('Enter a phone number: 6 to 15 digits, with + in front if needed.', { id: 'details.error-phone' });
    case 'number':
      return msg('Enter a number.', { id: 'details.error-number' });
    case 'date':
      return msg('Enter a valid date.', { id: 'details.error-date' });
    case 'choice':
      return msg('Pick one of the values offered.', { id: 'details.error-choice' });
    case 'too-long': {
      const max = field.maxLength ?? 0;
      return msg(str`Use ${max} characters at most.`, { id: 'details.error-too-long' });
    }
  }
}

/** What the last Save did, for the message at the bottom left (CUST-3); '' when there is nothing to say. */
export function saveText(save: CustomerSave | undefined, veto: string | undefined): string {
  if (veto !== undefined) {
    const reason = veto.replace(/[.\s]+$/, '');
    return reason ? msg(str`Not saved: ${reason}.`, { id: 'details.vetoed-reason' }) : msg('Not saved.', { id: 'details.vetoed' });
  }
  if (!save) return '';
  switch (save.status) {
    case 'saving':
      return msg('Saving…', { id: 'details.saving' });
    case 'saved':
      return msg('Customer details saved.', { id: 'details.saved' });
    case 'failed': {
      if (save.code === 'offline') {
        return msg('Not saved: not connected to the server. Your changes are kept.', { id: 'details.failed-offline' });
      }
      if (save.code === 'invalid') {
        return msg('Not saved: some values are not valid. Your changes are kept.', { id: 'details.failed-invalid' });
      }
      const reason = (save.reason ?? '').replace(/[.\s]+$/, '');
      return msg(str`Not saved: ${reason}. Your changes are kept.`, { id: 'details.failed' });
    }
  }
}
