#!/usr/bin/env node
// The `study` command. CommonJS (see bin/package.json): Node starts a CommonJS entry faster.
require('../dist/main.cjs');
