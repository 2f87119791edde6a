'use strict';
// Mocha's spec output, plus one closing line "N passed, N failed[, N skipped]" that CI reads.
const { Spec } = require('mocha').reporters;

class CiReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const s = runner.stats;
      const skipped = s.pending ? `, ${s.pending} skipped` : '';
      process.stdout.write(`${s.passes} passed, ${s.failures} failed${skipped}\n`);
    });
  }
}

module.exports = CiReporter;
