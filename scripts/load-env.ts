// Loads .env, .env.local, … the way Next does, before lib/core/env.ts reads them. Import first.
import nextEnv from '@next/env';

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production');
