import { describe, expect, it } from 'vitest';
import { nodeSupported } from './check-node.mjs';

describe('check-node', () => {
  it.each(['v20.19.0', 'v20.20.2', '22.12.0', 'v24.1.0', 'v26.0.0'])('accepts Node.js %s', (v) => {
    expect(nodeSupported(v)).toBe(true);
  });

  it.each(['v18.20.4', 'v20.18.3', 'v21.7.3', 'v22.11.0', 'garbage', ''])('rejects Node.js %j', (v) => {
    expect(nodeSupported(v)).toBe(false);
  });

  it('accepts the Node.js running the tests', () => {
    expect(nodeSupported(process.version)).toBe(true);
  });
});
