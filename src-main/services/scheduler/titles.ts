import { taskTitles, type Language } from '../../contract/messages';

/** Title templates split once into text and parameter names (a rebuild renders 100k titles). */
const compiledTitles = new Map<string, string[]>();

/** Renders a task title in a language from its key and parameters. */
export function renderTaskTitle(language: Language, key: string, params: Record<string, string | number>): string {
  const id = `${language}\u0000${key}`;
  let parts = compiledTitles.get(id);
  if (parts === undefined) {
    const table = taskTitles[language] as Record<string, string>;
    // Odd indexes are parameter names: "a {{x}} b" → ["a ", "x", " b"].
    parts = (table[key] ?? key).split(/\{\{(\w+)\}\}/);
    compiledTitles.set(id, parts);
  }
  let title = '';
  for (let i = 0; i < parts.length; i++) title += i % 2 === 0 ? parts[i]! : String(params[parts[i]!] ?? '');
  return title;
}
