import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

export type ExpertVisibility = 'public' | 'members' | 'hidden';

export type ExpertsTable = {
  id: GeneratedAlways<number>;
  slug: string;
  external_id: string | null;
  display_name: string;
  city_id: number | null;
  country_code: string | null;
  visibility: Generated<ExpertVisibility>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};
