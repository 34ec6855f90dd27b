// cfssl api/health: GET → {"healthy":true}.
import { goStruct } from '@cfssl-ts/core/go';
import type { Endpoint } from '../_internal/endpoint.js';

/** `/api/v1/cfssl/health` (1.6). */
export const healthEndpoint: Endpoint = {
  name: 'health',
  methods: ['GET'],
  signing: false,
  handle: () => Promise.resolve({ result: goStruct({ healthy: true }) }),
};
