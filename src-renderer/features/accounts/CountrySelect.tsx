import { Select, type SelectProps } from '@mantine/core';
import { useRef } from 'react';
import { useUiStore } from '../../stores/ui-store';
import { countryFilter } from './country-filter';
import { countryOptions } from './country-options';

type CountrySelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'filter' | 'searchable'> & {
  value: string | null;
  onChange: (country: string) => void;
};

/**
 * A country typed in either UI language ("Spa", "西班", "ES"). What was typed is taken — its first match — on Enter,
 * Tab or leaving the field, unless an option was reached with the arrow keys (the list's own to take). Mantine's
 * "select the first option as you type" is not used: it marks the first option of the list before the filter
 * applies, and a fast Enter or Tab took that (Afghanistan for "Japan"). The Enter that takes a country does not also
 * submit the form.
 */
export function CountrySelect({ value, onChange, onKeyDown, onBlur, ...props }: CountrySelectProps) {
  const language = useUiStore((state) => state.language);
  const typed = useRef('');
  const arrowed = useRef(false);
  const takeTyped = (key: string): boolean => {
    if (arrowed.current || typed.current.trim() === '') return false;
    const first = countryFilter({ options: countryOptions(language), search: typed.current, limit: 1 })[0];
    if (!first || !('value' in first)) return false;
    typed.current = '';
    if (first.value !== value || key !== 'blur') onChange(first.value);
    return true;
  };
  return (
    <Select
      required
      searchable
      openOnFocus={false}
      allowDeselect={false}
      data={countryOptions(language)}
      filter={countryFilter}
      value={value}
      onChange={(country) => {
        // A pick from the list (a click, or Enter on an option reached with the arrows) is what stays.
        typed.current = '';
        if (country) onChange(country);
      }}
      onInput={(event: React.FormEvent<HTMLInputElement>) => {
        // What the user typed (the list's own changes to the text, its label on a pick, are not input events).
        typed.current = event.currentTarget.value;
        arrowed.current = false;
      }}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') arrowed.current = true;
        if ((event.key === 'Enter' || event.key === 'Tab') && takeTyped(event.key) && event.key === 'Enter') event.preventDefault();
        onKeyDown?.(event);
      }}
      onBlur={(event) => {
        takeTyped('blur');
        onBlur?.(event);
      }}
      maxDropdownHeight={240}
      {...props}
    />
  );
}
