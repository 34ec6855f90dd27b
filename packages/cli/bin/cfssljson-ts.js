#!/usr/bin/env node
// cfssljson-ts: dist/cfssljson/main.js runs cfssljson and sets process.exitCode.
import '../dist/cfssljson/main.js';
