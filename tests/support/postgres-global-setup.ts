// Creates the throwaway database for the real-PostgreSQL pass, and drops it afterwards.
import type { TestProject } from 'vitest/node';
import { admin } from './postgres';

export default async function setup(project: TestProject) {
  const name = project.config.provide?.testDatabaseName as string;
  if (!/^jejak_test_[a-z0-9_]+$/.test(name)) throw new Error(`unexpected test database name ${name}`);
  await admin((sql) => sql.unsafe(`create database ${name}`));
  return async () => {
    await admin((sql) => sql.unsafe(`drop database if exists ${name} with (force)`));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseName: string;
  }
}
