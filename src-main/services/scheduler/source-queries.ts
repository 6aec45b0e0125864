// Each query has two forms: records changed since the watermark (@w), or, on a rebuild, every record that is live
// and recent enough to want a task due after the horizon's floor (@recent: the floor − 180 days, more than any
// rule reaches back), plus every record that already has tasks (to move or close them). The rebuild forms pick ids
// with a UNION ALL (each part through its own index or one plain scan; `IN` ignores duplicates), not an OR with a
// task lookup per row, nor a UNION, which SQLite 3.53 runs as a merge over the primary-key index — on a million
// orders either took seconds.
/** The ids of the records of a table that tasks point at (a rebuild looks at them too, to move or close their tasks). */
export const WITH_TASKS = (table: string) => `SELECT t.source_id FROM tasks t WHERE t.source_table = '${table}' AND t.deleted_at IS NULL`;
export const HAS_TASKS = (table: string, id: string) =>
  `EXISTS (SELECT 1 FROM tasks t WHERE t.source_table = '${table}' AND t.source_id = ${id} AND t.deleted_at IS NULL) AS has_tasks`;
export const ACCOUNT_COLUMNS = 'a.id AS account_id, a.name, a.country, a.time_zone';
