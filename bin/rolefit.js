#!/usr/bin/env node
// The `rolefit` command (package.json "bin"). The CLI is TypeScript and Node
// 20 cannot run that itself, so this registers tsx's loader (a dependency)
// and runs the sources as they are: there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/rolefit.ts');
process.exitCode = await main(process.argv.slice(2));
