import type { Kysely } from 'kysely';

/** Responsive sources of an article's featured image, filled in when it comes from the media library. */
export const imageSrcset = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('articles').addColumn('image_srcset', 'text').execute();
  },
};
