import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../connect.ts';

/** One table of Duban's data as the database itself describes it. */
export interface TableInfo {
  name: string;
  /** Column names in their declared order. */
  columns: string[];
  /** Primary key columns (every Duban table has one). */
  primaryKey: string[];
  /** Foreign keys: this table's column → the referenced table and column. */
  references: Array<{ column: string; table: string; toColumn: string }>;
}

// Kysely's own bookkeeping: a backup lists migrations in its header instead.
const isDubanTable = (name: string) => !name.startsWith('kysely_') && !name.startsWith('sqlite_');

/**
 * Every table of Duban's data in the connection's database (PostgreSQL: its current schema), read
 * from the catalog rather than a list in code, so tables added by later migrations are included.
 */
export async function readCatalog(db: Kysely<unknown>, dialect: DialectName): Promise<TableInfo[]> {
  const tables = dialect === 'sqlite' ? await sqliteCatalog(db) : await postgresCatalog(db);
  return tables.filter((t) => isDubanTable(t.name)).sort((a, b) => a.name.localeCompare(b.name));
}

async function sqliteCatalog(db: Kysely<unknown>): Promise<TableInfo[]> {
  const names = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' order by name`.execute(db);
  const tables: TableInfo[] = [];
  for (const { name } of names.rows) {
    if (!isDubanTable(name)) continue;
    const columns = await sql<{ name: string; pk: number }>`
      select name, pk from pragma_table_info(${name}) order by cid`.execute(db);
    const keys = await sql<{ table: string; from: string; to: string | null }>`
      select "table", "from", "to" from pragma_foreign_key_list(${name})`.execute(db);
    tables.push({
      name,
      columns: columns.rows.map((c) => c.name),
      primaryKey: columns.rows
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      references: keys.rows.map((k) => ({ column: k.from, table: k.table, toColumn: k.to ?? 'id' })),
    });
  }
  return tables;
}

async function postgresCatalog(db: Kysely<unknown>): Promise<TableInfo[]> {
  const columns = await sql<{ table: string; column: string }>`
    select c.table_name as "table", c.column_name as "column"
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db);
  const keys = await sql<{ table: string; column: string; position: number }>`
    select cl.relname as "table", a.attname as "column", k.n as position
    from pg_catalog.pg_constraint con
    join pg_catalog.pg_class cl on cl.oid = con.conrelid
    join pg_catalog.pg_namespace ns on ns.oid = cl.relnamespace
    cross join lateral unnest(con.conkey) with ordinality as k(attnum, n)
    join pg_catalog.pg_attribute a on a.attrelid = cl.oid and a.attnum = k.attnum
    where ns.nspname = current_schema() and con.contype = 'p'`.execute(db);
  const foreign = await sql<{ table: string; column: string; target: string; toColumn: string }>`
    select cl.relname as "table", a.attname as "column", tcl.relname as target, ta.attname as "toColumn"
    from pg_catalog.pg_constraint con
    join pg_catalog.pg_class cl on cl.oid = con.conrelid
    join pg_catalog.pg_namespace ns on ns.oid = cl.relnamespace
    join pg_catalog.pg_class tcl on tcl.oid = con.confrelid
    join pg_catalog.pg_attribute a on a.attrelid = cl.oid and a.attnum = con.conkey[1]
    join pg_catalog.pg_attribute ta on ta.attrelid = tcl.oid and ta.attnum = con.confkey[1]
    where ns.nspname = current_schema() and con.contype = 'f'`.execute(db);
  const byName = new Map<string, TableInfo>();
  for (const row of columns.rows) {
    const table = byName.get(row.table) ?? { name: row.table, columns: [], primaryKey: [], references: [] };
    table.columns.push(row.column);
    byName.set(row.table, table);
  }
  for (const key of [...keys.rows].sort((a, b) => Number(a.position) - Number(b.position)))
    byName.get(key.table)?.primaryKey.push(key.column);
  for (const key of foreign.rows)
    byName.get(key.table)?.references.push({ column: key.column, table: key.target, toColumn: key.toColumn });
  return [...byName.values()];
}

/**
 * Tables in an order where every table comes after those it references (self references aside),
 * so rows can be inserted with foreign keys checked as they go.
 */
export function insertionOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const placed = new Set<string>();
  const ordered: TableInfo[] = [];
  const visiting = new Set<string>();
  const visit = (table: TableInfo) => {
    if (placed.has(table.name) || visiting.has(table.name)) return;
    visiting.add(table.name);
    for (const ref of table.references) {
      const target = byName.get(ref.table);
      if (target && target.name !== table.name) visit(target);
    }
    visiting.delete(table.name);
    placed.add(table.name);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}
