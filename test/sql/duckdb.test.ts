/**
 * Every generated DuckDB query executed in-process (@duckdb/node-api) and compared, keyed, with the
 * TypeScript core on the same data (support/engineSuite.ts).
 */
import { duckdbEngine } from "./support/engines";
import { engineSuite } from "./support/engineSuite";

engineSuite("duckdb", duckdbEngine);
