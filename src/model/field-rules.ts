/**
 * How one typed value is checked (CUST-3, COMP-10): the rules a workflow's parameters and an editable
 * customer field share. Pure, and small: the store loads it up front for the customer edits.
 */
import type { FieldType } from './config.js';

/** The kinds of value a workflow parameter or an editable customer field holds (a choice aside). */
export type ValueType = Exclude<FieldType, 'choice'>;

/** Why a value is refused. */
export type FieldError = 'required' | 'email' | 'phone' | 'number' | 'date' | 'too-long';

// One @, something before it, a dot in the domain, no spaces: what people mean by "an email address".
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
// A leading +, then digits with the usual separators; 6 to 15 digits in all (E.164 allows 15).
const PHONE = /^\+?[\d\s().-]+$/;
const NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks one value against its type (CUST-3, COMP-10); returns why it is refused, if it is. */
export function validateField(
  value: string,
  type: ValueType,
  options: { required?: boolean; maxLength?: number } = {},
): FieldError | undefined {
  const v = value.trim();
  if (v === '') return options.required ? 'required' : undefined;
  if (options.maxLength !== undefined && [...v].length > options.maxLength) return 'too-long';
  switch (type) {
    case 'email':
      return EMAIL.test(v) ? undefined : 'email';
    case 'phone': {
      const digits = v.replace(/\D/g, '').length;
      return PHONE.test(v) && digits >= 6 && digits <= 15 ? undefined : 'phone';
    }
    case 'number':
      return NUMBER.test(v) ? undefined : 'number';
    case 'date': {
      const m = DATE.exec(v);
      if (!m) return 'date';
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? undefined : 'date';
    }
    case 'text':
      return undefined;
  }
}

