import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { LeadDuplicate } from '../../../src-main/contract/leads';
import type { LeadValues } from './lead-validation';

/** How long typing must pause before the book is asked (a keystroke each 100–200 ms at a fair). */
const PAUSE_MS = 200;

/**
 * The accounts the lead being typed may already be, asked for a moment after typing pauses; an answer that arrives
 * after a newer question was asked is dropped.
 */
export function useLeadDuplicates(values: Pick<LeadValues, 'company' | 'contact' | 'email' | 'phone' | 'country'>): LeadDuplicate[] {
  const [found, setFound] = useState<LeadDuplicate[]>([]);
  const { company, contact, email, phone, country } = values;
  useEffect(() => {
    const query = {
      ...(company.trim().length >= 2 ? { company: company.trim() } : {}),
      ...(contact.trim().length >= 2 ? { contact: contact.trim() } : {}),
      ...(email.trim().length >= 5 ? { email: email.trim() } : {}),
      ...(phone.replace(/\D/g, '').length >= 6 ? { phone: phone.trim() } : {}),
      ...(country ? { country } : {}),
    };
    let current = true;
    const timer = setTimeout(() => {
      if (Object.keys(query).filter((k) => k !== 'country').length === 0) {
        setFound([]);
        return;
      }
      void api.call('leads.duplicates', query).then((result) => {
        if (current) setFound(result.ok ? result.value : []);
      });
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [company, contact, email, phone, country]);
  return found;
}
