#!/usr/bin/env node
// The installed command runs the built CLI (`npm run build` makes dist/).
import '../dist/cli.js';
