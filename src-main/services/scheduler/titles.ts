import { taskTitles, type Language } from '../../contract/messages';
import { pluralForm } from '../../contract/plurals';

/** Title templates split once into text and parameter names (a rebuild renders 100k titles). */
const compiledTitles = new Map<string, string[]>();

/** Renders a task title in a language from its key and parameters. */
export function renderTaskTitle(language: Language, key: string, params: Record<string, string | number>): string {
  // A title that counts days takes the plural form for them ("1 day", "7 days").
  const count = typeof params.days === 'number' ? params.days : undefined;
  const id = `${language}\u0000${key}\u0000${count ?? ''}`;
  let parts = compiledTitles.get(id);
  if (parts === undefined) {
    const table = taskTitles[language] as Record<string, string>;
    // Odd indexes are parameter names: "a {{x}} b" → ["a ", "x", " b"].
    parts = (pluralForm(table, key, language, count) ?? key).split(/\{\{(\w+)\}\}/);
    compiledTitles.set(id, parts);
  }
  let title = '';
  for (let i = 0; i < parts.length; i++) title += i % 2 === 0 ? parts[i]! : String(params[parts[i]!] ?? '');
  return title;
}
