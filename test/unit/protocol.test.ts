// What the client and the server must agree on without importing each other.
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAMES as SERVER_NAMES } from '../../server/src/node/configFile';
import { CONFIG_FILE_NAMES } from '../../server/src/protocol';

describe('protocol', () => {
  it('the client opens the config files the server reads, looked for in the same order', () => {
    expect([...CONFIG_FILE_NAMES]).toEqual(SERVER_NAMES);
  });
});
