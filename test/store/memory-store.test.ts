import { createMemoryStore } from '../../server/store/memory-store.js';
import { storeContract } from './contract.js';

storeContract('memory', { open: async (clock) => createMemoryStore(clock.now) });
