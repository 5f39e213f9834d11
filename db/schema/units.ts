import { sqliteTable, text, integer, primaryKey, uniqueIndex, index } from 'drizzle-orm/sqlite-core';

/** 审核单位: a police unit, identified by its GB/T 2260 division code. */
export const policeUnits = sqliteTable(
  'police_units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    code: text('code').notNull(),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('police_units_code').on(t.code), uniqueIndex('police_units_name').on(t.name)],
);

/** The division codes (county, city or province level) a unit covers. */
export const unitCoverage = sqliteTable(
  'unit_coverage',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => policeUnits.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.regionCode] }), index('unit_coverage_region').on(t.regionCode)],
);

/**
 * The last seq6 of 公安备案号 a unit allocated for one object type (mark: 02 网站, 03 APP, 04 小程序,
 * 05 应用市场, 06 服务商 — SPEC §15.5: one sequence per (unit, type)), bumped inside the approving
 * transaction and never lowered.
 */
export const filingSequences = sqliteTable(
  'filing_sequences',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => policeUnits.id, { onDelete: 'cascade' }),
    mark: text('mark').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.mark] })],
);
