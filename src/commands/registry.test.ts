import { describe, expect, it } from 'vitest';
import { commandArgs, commandNames } from '../contract/sync';
import { commandDefinitions, definitionOf } from './registry';

describe('the command registry', () => {
  it('defines every command of the wire, under its own name', () => {
    for (const [name, definition] of Object.entries(commandDefinitions)) {
      expect(definition.name).toBe(name);
      expect(commandNames).toContain(name);
    }
    // Nothing runs on one side only: each command the device can queue is written once.
    expect(commandNames.filter((name) => !definitionOf(name))).toEqual([]);
  });

  it("loads each definition's validator as the contract's schema, the one the server checks with", async () => {
    for (const definition of Object.values(commandDefinitions)) {
      expect(await definition.validator()).toBe(commandArgs[definition.name]);
    }
  });

  it('knows nothing by inherited names', () => {
    expect(definitionOf('constructor')).toBeUndefined();
    expect(definitionOf('toString')).toBeUndefined();
  });
});
