// Creates the throwaway database for the real-PostgreSQL pass, and drops it afterwards, with the
// login role the app's migration step created in it (roles are cluster-wide: they outlive databases).
import type { TestProject } from 'vitest/node';
import { admin, testLoginRole } from './postgres';

export default async function setup(project: TestProject) {
  const name = project.config.provide?.testDatabaseName as string;
  if (!/^jejak_test_[a-z0-9_]+$/.test(name)) throw new Error(`unexpected test database name ${name}`);
  await admin((sql) => sql.unsafe(`create database ${name}`));
  return async () => {
    await admin(async (sql) => {
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.unsafe(`drop role if exists ${testLoginRole(name).user}`);
    });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseName: string;
  }
}
