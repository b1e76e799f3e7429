/**
 * How fast the simulated contact centre routes offers by itself (HOSTILE-28, OFFER-1/3/4): the pace the
 * demo runs at is one a person can follow, about one offer a minute in all and never more than two
 * waiting; the pace can change while the centre runs. Seeded, on a manual clock.
 */
import { expect } from '@open-wc/testing';
import { ManualClock } from '../../src/backend/clock.js';
import { resolveConfig } from '../../src/model/config.js';
import type { Task } from '../../src/model/tasks.js';
import { FOLLOWABLE_PACE, SimulatedBackend, type SimulatedBackendOptions } from '../../src/simulator/index.js';

const MINUTE = 60_000;
const DEMO_MEDIA = { chat: { kind: 'chat' }, sms: { kind: 'sms' }, whatsapp: { kind: 'social' }, email: { kind: 'email' } } as const;

/**
 * A centre on a manual clock with the demo's media, the agent signed in and Ready everywhere, and the
 * server's tasks followed from its events.
 */
async function readyCentre(options: SimulatedBackendOptions, media: object = DEMO_MEDIA) {
  const clock = new ManualClock();
  const config = resolveConfig({ media: media as never });
  const backend = new SimulatedBackend({ config, clock, latencyMs: 0, seed: 7, ...options });
  const tasks = new Map<string, Task>();
  const offeredAt: number[] = [];
  backend.subscribe({
    event: (e) => {
      const event = e as { type: string; cause?: string; task?: Task };
      if (event.type !== 'task' || !event.task) return;
      tasks.set(event.task.id, event.task);
      if (event.cause === 'offered') offeredAt.push(clock.now());
    },
    connection: () => undefined,
  });
  const settle = async <T>(promise: Promise<T>) => {
    await clock.advance(0);
    return promise;
  };
  await settle(backend.connect());
  for (const m of config.media) {
    await settle(backend.signIn(m.id));
    await settle(backend.setState(m.id, { availability: 'ready' }));
  }
  const waiting = () => [...tasks.values()].filter((t) => t.status === 'offered').length;
  return { clock, backend, config, tasks, offeredAt, settle, waiting };
}

type Centre = Awaited<ReturnType<typeof readyCentre>>;

/**
 * An agent who keeps up for `minutes`: looks every 10 s, accepts what is offered, and ends each task
 * after two minutes. Returns the most offers seen waiting at once.
 */
async function keepUp(centre: Centre, minutes: number): Promise<number> {
  let most = 0;
  for (let t = 0; t < (minutes * MINUTE) / 10_000; t++) {
    await centre.clock.advance(10_000);
    most = Math.max(most, centre.waiting());
    for (const task of [...centre.tasks.values()]) {
      if (task.status === 'offered') await centre.settle(centre.backend.accept(task.id));
      else if (task.status === 'active' && centre.clock.now() - task.acceptedAt! >= 2 * MINUTE) await centre.settle(centre.backend.end(task.id));
    }
  }
  return most;
}

describe('backend: the simulated centre’s pace', function () {
  this.timeout(30000);

  it('HOSTILE-28: at the demo’s pace, about one offer a minute reaches an agent who keeps up, never two more than they can see', async () => {
    expect(FOLLOWABLE_PACE).to.deep.equal({ totalOffersPerMinute: 1, maxOffers: 2 });
    const centre = await readyCentre(FOLLOWABLE_PACE);
    const most = await keepUp(centre, 60);
    // A Poisson process of one a minute: 60 expected in an hour; seeded, so the count repeats.
    expect(centre.offeredAt.length).to.be.within(40, 80);
    expect(most).to.be.at.most(2);
    // Each media had its share: offers go to whichever media can take one.
    const byMedia = new Set([...centre.tasks.values()].map((t) => t.media));
    expect([...byMedia].sort()).to.deep.equal(['chat', 'email', 'sms', 'whatsapp']);
    // No offer was missed, so no media was knocked Not Ready (OFFER-4).
    expect([...centre.tasks.values()].filter((t) => t.status === 'missed')).to.deep.equal([]);
    expect(centre.config.media.map((m) => centre.backend.serverState(m.id)!.availability)).to.deep.equal(['ready', 'ready', 'ready', 'ready']);

    // The same seed gives the same offers at the same times.
    const again = await readyCentre(FOLLOWABLE_PACE);
    await keepUp(again, 60);
    expect(again.offeredAt).to.deep.equal(centre.offeredAt);
  });

  it('HOSTILE-28: the old demo rates route about 8.5 offers a minute, which no agent follows', async () => {
    const centre = await readyCentre({ offersPerMinute: { chat: 3, sms: 2, whatsapp: 2, email: 1.5 } });
    const most = await keepUp(centre, 10);
    expect(centre.offeredAt.length).to.be.greaterThan(30); // capacity caps it; offers still pile up
    expect(most).to.be.greaterThan(2);
  });

  it('HOSTILE-28: maxOffers holds routing back while as many offers wait, whatever the rate', async () => {
    // Long accept timers and room for many tasks: only maxOffers limits what waits.
    const roomy = Object.fromEntries(Object.entries(DEMO_MEDIA).map(([id, m]) => [id, { ...m, acceptSeconds: 3600, capacity: 20 }]));
    const centre = await readyCentre({ totalOffersPerMinute: 6, maxOffers: 2 }, roomy);
    let most = 0;
    for (let t = 0; t < 30 * 6; t++) {
      await centre.clock.advance(10_000);
      most = Math.max(most, centre.waiting());
    }
    expect(most).to.equal(2); // reached, never passed
    expect(centre.offeredAt.length).to.equal(2);
    // Offers made by hand are not held back.
    expect(centre.backend.offer('chat')).to.exist;
    expect(centre.waiting()).to.equal(3);
  });

  it('HOSTILE-28: the pace changes while the centre runs', async () => {
    const centre = await readyCentre(FOLLOWABLE_PACE);
    expect(centre.backend.pace).to.deep.include({ totalOffersPerMinute: 1, maxOffers: 2 });
    centre.backend.setPace({ totalOffersPerMinute: 0 });
    expect(centre.backend.pace).to.deep.include({ totalOffersPerMinute: 0, maxOffers: 2 });
    await keepUp(centre, 20);
    expect(centre.offeredAt, 'off: nothing arrives').to.deep.equal([]);
    centre.backend.setPace({ totalOffersPerMinute: 3, maxOffers: 1 });
    const most = await keepUp(centre, 20);
    expect(centre.offeredAt.length).to.be.within(30, 90);
    expect(most).to.equal(1);
  });
});
