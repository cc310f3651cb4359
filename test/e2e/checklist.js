// A list of named checks run one after another, each printed as it ends, closed by the line `N passed, N failed`
// that CI logs are searched for. A failed check does not stop the ones after it unless they depend on it.
class Checklist {
  constructor() {
    this.passed = 0;
    this.failed = 0;
  }

  /** Runs one check; returns true when it passed. */
  async check(name, run) {
    const started = Date.now();
    try {
      await run();
      this.passed++;
      console.log(`  ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return true;
    } catch (error) {
      this.failed++;
      // Playwright colours its messages with terminal escape codes, which are noise in a CI log.
      const message = String(error?.message ?? error).replace(/\u001b\[[0-9;]*m/g, '');
      console.log(`  FAIL ${name}\n       ${message.split('\n').join('\n       ')}`);
      return false;
    }
  }

  /** Counts a check that could not run because an earlier one it depends on failed. */
  skipAsFailed(name, reason) {
    this.failed++;
    console.log(`  FAIL ${name}\n       not run: ${reason}`);
  }

  close() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
    return this.failed === 0 && this.passed > 0 ? 0 : 1;
  }
}

module.exports = { Checklist };
