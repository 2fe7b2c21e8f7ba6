import type { Kysely } from 'kysely';
import { notNullDefault, withIdColumn } from '../dialect.js';

/**
 * The review document (F4): the review's own sections, factors, five-whys chains, answers to the
 * key questions and action items. Link tables instead of JSON id lists, so a deleted factor or
 * timeline entry leaves no dangling reference and the document reads each link table in one query.
 */
const reviewColumns = ['facilitator', 'scribe', 'summary', 'impact', 'learnings'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

async function extendReviews(db: Db): Promise<void> {
  // SQLite adds one column per statement.
  for (const column of reviewColumns) await db.schema.alterTable('reviews').addColumn(column, 'text').execute();
  await db.schema.alterTable('reviews').addColumn('template', 'text', notNullDefault('sources')).execute();
}

async function createFactors(db: Db): Promise<void> {
  await withIdColumn(db, db.schema.createTable('review_factors'))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('category', 'text')
    .addColumn('tags', 'text', notNullDefault('[]'))
    .addColumn('accepted_risk', 'integer', notNullDefault(0))
    .addColumn('version', 'integer', notNullDefault(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_factors_review_idx').on('review_factors').columns(['review_id', 'id']).execute();
  await db.schema.createIndex('review_factors_category_idx').on('review_factors').columns(['category', 'review_id']).execute();

  await db.schema
    .createTable('review_factor_timeline_entries')
    .addColumn('factor_id', 'integer', (c) => c.notNull().references('review_factors.id').onDelete('cascade'))
    .addColumn('timeline_entry_id', 'integer', (c) => c.notNull().references('timeline_entries.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('review_factor_timeline_entries_pk', ['factor_id', 'timeline_entry_id'])
    .execute();
  await db.schema
    .createIndex('review_factor_timeline_entries_entry_idx')
    .on('review_factor_timeline_entries')
    .columns(['timeline_entry_id'])
    .execute();
}

async function createWhys(db: Db): Promise<void> {
  await withIdColumn(db, db.schema.createTable('review_whys'))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', notNullDefault('[]'))
    .addColumn('systemic_cause', 'text')
    .addColumn('version', 'integer', notNullDefault(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_whys_review_idx').on('review_whys').columns(['review_id', 'position', 'id']).execute();
  await db.schema
    .createTable('review_whys_factors')
    .addColumn('whys_id', 'integer', (c) => c.notNull().references('review_whys.id').onDelete('cascade'))
    .addColumn('factor_id', 'integer', (c) => c.notNull().references('review_factors.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('review_whys_factors_pk', ['whys_id', 'factor_id'])
    .execute();
  await db.schema.createIndex('review_whys_factors_factor_idx').on('review_whys_factors').columns(['factor_id']).execute();
}

async function createAnswers(db: Db): Promise<void> {
  // A surrogate id (never reused) lets the document fingerprint notice an answer removed and re-added.
  await withIdColumn(db, db.schema.createTable('review_answers'))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('question_key', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', notNullDefault(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_answers_key_idx').on('review_answers').columns(['review_id', 'question_key']).unique().execute();
}

async function createActionItems(db: Db): Promise<void> {
  await withIdColumn(db, db.schema.createTable('action_items'))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('reviews.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('owner', 'text')
    .addColumn('due_date', 'text')
    .addColumn('priority', 'text')
    .addColumn('class', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('second_order_effects', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decline_reason', 'text')
    .addColumn('external_url', 'text')
    .addColumn('version', 'integer', notNullDefault(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_items_review_idx').on('action_items').columns(['review_id', 'id']).execute();
  await db.schema.createIndex('action_items_owner_idx').on('action_items').columns(['owner', 'id']).execute();
  await db.schema.createIndex('action_items_status_due_idx').on('action_items').columns(['status', 'due_date']).execute();
  await db.schema
    .createTable('action_item_factors')
    .addColumn('action_item_id', 'integer', (c) => c.notNull().references('action_items.id').onDelete('cascade'))
    .addColumn('factor_id', 'integer', (c) => c.notNull().references('review_factors.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('action_item_factors_pk', ['action_item_id', 'factor_id'])
    .execute();
  await db.schema.createIndex('action_item_factors_factor_idx').on('action_item_factors').columns(['factor_id']).execute();
}

export async function up(db: Db): Promise<void> {
  await extendReviews(db);
  await createFactors(db);
  await createWhys(db);
  await createAnswers(db);
  await createActionItems(db);
}

export async function down(db: Db): Promise<void> {
  for (const table of ['action_item_factors', 'action_items', 'review_answers', 'review_whys_factors', 'review_whys']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropTable('review_factor_timeline_entries').execute();
  await db.schema.dropTable('review_factors').execute();
  for (const column of [...reviewColumns, 'template']) await db.schema.alterTable('reviews').dropColumn(column).execute();
}
