import { expect } from '@open-wc/testing';
import { digest, recordStream } from './simulated-stream.js';
import { RECORDED_DIGESTS, RECORDED_LINES, RECORDED_SEED } from './simulated-stream.recorded.js';

/** The first line where two recordings part, with a few lines of context from each. */
function firstDifference(actual: readonly string[], expected: readonly string[]): string | undefined {
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (actual[i] === expected[i]) continue;
    const around = (list: readonly string[]) => list.slice(Math.max(0, i - 3), i + 4).join('\n    ');
    return `line ${i + 1} differs\n  recorded:\n    ${around(expected)}\n  now:\n    ${around(actual)}`;
  }
  return undefined;
}

describe('backend: the simulated contact centre repeats itself from a seed', () => {
  // One scenario runs through routing (OFFER-1/3/4, STATE-6), sign-in and state failures (SIGN-4,
  // STATE-7), the conversation (COMP-1, COMP-10, COMP-12, PANE-1, PANE-3/4/5), connection drops and lost
  // events (FAIL-1/2), a reload from storage, sign-outs (STATE-8) and a reset.
  it(`gives the recorded stream of events, outcomes and server calls for seed ${RECORDED_SEED}`, async () => {
    const lines = await recordStream(RECORDED_SEED);
    // The path ran: the scenario reached its end and saw what it is there to see.
    expect(lines.at(-1)).to.match(/ C offline$/);
    expect(lines.some((l) => / media-state .* missed-offer /.test(l)), 'a missed offer (OFFER-4)').to.be.true;
    expect(lines.some((l) => / receipt .* read /.test(l)), 'a read receipt (PANE-4)').to.be.true;
    expect(lines.some((l) => / task \S+ transferred /.test(l)), 'a transfer at sign-out (STATE-8)').to.be.true;
    expect(firstDifference(lines, RECORDED_LINES)).to.equal(undefined);
  });

  for (const [seed, recorded] of Object.entries(RECORDED_DIGESTS)) {
    it(`gives the recorded stream for seed ${seed}`, async () => {
      const lines = await recordStream(Number(seed));
      expect({ lines: lines.length, digest: digest(lines) }).to.deep.equal(recorded);
    });
  }

  it('gives a different stream for another seed', async () => {
    const lines = await recordStream(RECORDED_SEED + 1);
    expect(lines.length).to.be.greaterThan(100);
    expect(firstDifference(lines, RECORDED_LINES)).to.be.a('string');
  });
});
