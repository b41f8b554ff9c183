#!/usr/bin/env node
// `npx avv …` in the repository runs the bundled CLI (built by `npm run build`).
require('../dist/cli.js');
