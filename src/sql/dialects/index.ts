/** The five dialects by name. */
import { Dialect, DialectName } from "../dialect";
import { bigquery } from "./bigquery";
import { duckdb } from "./duckdb";
import { postgres } from "./postgres";
import { snowflake } from "./snowflake";
import { spark } from "./spark";

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, bigquery, snowflake, spark };

export { bigquery, duckdb, postgres, snowflake, spark };
