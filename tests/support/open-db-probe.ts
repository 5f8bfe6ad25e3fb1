// Run as a separate process by tests: tries to open the PGlite folder given as argv[2].
import { openConnection } from '../../db/client';

openConnection({ pgliteDir: process.argv[2] }).then(
  () => {
    console.log('opened');
    process.exit(0);
  },
  (err: Error) => {
    console.error(err.message);
    process.exit(3);
  },
);
