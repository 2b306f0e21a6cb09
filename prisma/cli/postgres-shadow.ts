import { randomUUID } from "node:crypto";
import pg from "pg";
// Internal module of pg, exported through its "./lib/*" export map.
// @ts-expect-error -- no type declarations for pg/lib/result.js
import Result from "pg/lib/result.js";
import { PrismaPg } from "@prisma/adapter-pg";

// Fixes for running Prisma 6.19.3's WASM schema engine on PostgreSQL through @prisma/adapter-pg
// (see ../shared/PRISMA-OFFLINE.md, section 4). CLI only: the app uses a plain PrismaPg.

// (1) The engine's pg_catalog introspection returns type OIDs adapter-pg rejects
// ("Column type 'name' could not be deserialized"); relabel them as text before pg picks a parser.
const RELABEL_AS: Record<number, number> = {
  18: 25, // char
  19: 25, // name
  22: 25, // int2vector
  24: 25, // regproc
  30: 25, // oidvector
  194: 25, // pg_node_tree
  2205: 25, // regclass
  1003: 1009, // name[] -> text[]
};
const addFields = Result.prototype.addFields;
Result.prototype.addFields = function (descriptions: { dataTypeID: number }[]) {
  for (const d of descriptions) {
    const relabel = RELABEL_AS[d.dataTypeID];
    if (relabel) d.dataTypeID = relabel;
  }
  return addFields.call(this, descriptions);
};

/** Splits a postgres URL into discrete fields: with connectionString, pg ignores a `database` override. */
export function pgConfigFromUrl(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
}

/** Creates and drops the shadow database ourselves, ending the shadow pool before DROP DATABASE. */
export function withPgShadowDb(factory: PrismaPg, config: pg.PoolConfig): PrismaPg {
  factory.connectToShadowDb = async () => {
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client(config);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg({ ...config, database: name }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    };
    return shadow;
  };
  return factory;
}
