/**
 * A text column that compares byte-wise (`COLLATE "C"`): catalogue slugs and institution codes, so
 * "ordered by id" or "by code" is the same order in PostgreSQL, in JavaScript and for every
 * client, whatever the database server's locale.
 */
import { customType } from 'drizzle-orm/pg-core';

export const byteOrderedText = customType<{ data: string }>({
  dataType: () => 'text COLLATE "C"',
});
