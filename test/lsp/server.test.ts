// The protocol tests against the Node.js server over stdio (the suite: protocolSuite.ts), and the bin.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDist, startClient } from './client';
import { protocolSuite } from './protocolSuite';

const root = path.resolve(__dirname, '../..');

protocolSuite('Node.js, stdio', startClient, /^file:.*\/docs\/rules\/title-duty-mismatch\.md$/, buildDist);

describe('the jdlint-language-server bin', () => {
  it('starts node with the memory settings of server/node-args.json on its #! line', () => {
    const settings = JSON.parse(readFileSync(path.join(root, 'server/node-args.json'), 'utf8')) as { args: string[]; env: Record<string, string> };
    const shebang = readFileSync(path.join(root, 'dist/server.js'), 'utf8').split('\n', 1)[0];
    expect(shebang.startsWith('#!/usr/bin/env -S ')).toBe(true);
    const words = shebang.slice('#!/usr/bin/env -S '.length).split(' ');
    const node = words.indexOf('node');
    expect(words.slice(0, node).sort()).toEqual(Object.entries(settings.env).map(([k, v]) => `${k}=${v}`).sort());
    expect(words.slice(node + 1)).toEqual(settings.args);
  });
});
