/** Groups link-table rows by their owner: one query per link table, then one pass in memory. */
export function groupLinks<R, O extends keyof R, T extends keyof R>(rows: R[], owner: O, target: T): Map<R[O], Array<R[T]>> {
  const grouped = new Map<R[O], Array<R[T]>>();
  for (const row of rows) {
    const list = grouped.get(row[owner]);
    if (list) list.push(row[target]);
    else grouped.set(row[owner], [row[target]]);
  }
  return grouped;
}
