/**
 * Every generated PostgreSQL query executed on a throw-away cluster (Debian's postgresql, started as
 * the postgres user in a temporary folder on a free localhost port, stopped afterwards) and compared,
 * keyed, with the TypeScript core on the same data (support/engineSuite.ts). Without PostgreSQL the
 * set-up fails with one line saying what to install; it never skips.
 */
import { postgresEngine } from "./support/engines";
import { engineSuite } from "./support/engineSuite";

engineSuite("postgres", postgresEngine);
