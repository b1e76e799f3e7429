/**
 * PANE-5: a customer's earlier interactions, as the simulated server serves them: made up from the
 * customer and the seed alone, so that every load of one customer's history gives the same messages.
 */
import type { Message, Task } from '../model/tasks.js';
import { hashString, makeOtherAgent, makePastLine } from './customers.js';
import { seededRandom } from './random.js';

const DAY = 86_400_000;

/**
 * The earlier interactions of a task's customer, oldest first, each with its own id: another agent
 * joining, the conversation, and its closing. `size`, when given, fixes the number of messages in all;
 * without it, a customer has 0 to 3 earlier interactions.
 */
export function earlierInteractions(task: Task, seed: number, size: number | undefined): Message[] {
  const customer = task.customer['email'] || task.customer['phone'] || task.customer['name'] || task.id;
  const key = hashString(customer);
  const random = seededRandom(key ^ seed);
  const sizes: number[] = [];
  if (size !== undefined) {
    for (let left = Math.max(0, Math.floor(size)); left > 0; ) {
      const n = Math.min(left, 6 + Math.floor(random() * 10));
      sizes.push(n);
      left -= n;
    }
  } else {
    const count = Math.floor(random() * 4);
    for (let i = 0; i < count; i++) sizes.push(4 + Math.floor(random() * 7));
  }
  const messages: Message[] = [];
  sizes.forEach((n, i) => {
    const interaction = `past-${key.toString(36)}-${i + 1}`;
    const start = task.offeredAt - (sizes.length - i) * 2 * DAY;
    messages.push(...pastInteraction(random, interaction, start, n));
  });
  return messages;
}

/** One earlier interaction of `size` messages: another agent joins, they talk, it closes. */
function pastInteraction(random: () => number, taskId: string, start: number, size: number): Message[] {
  const agent = makeOtherAgent(random);
  const messages: Message[] = [];
  for (let j = 0; j < size; j++) {
    const base = { id: `${taskId}-${j + 1}`, taskId, at: start + j * 60_000 };
    if (j === 0) {
      const announcement = { code: 'joined', params: { name: agent } };
      messages.push({ ...base, from: 'system', text: `${agent} joined the conversation`, announcement });
    } else if (j === size - 1) {
      messages.push({ ...base, from: 'system', text: 'Conversation closed', announcement: { code: 'closed' } });
    } else if (j % 2 === 1) {
      messages.push({ ...base, from: 'customer', text: makePastLine(random, 'customer') });
    } else {
      messages.push({ ...base, from: 'agent', name: agent, text: makePastLine(random, 'agent'), receipt: 'read' });
    }
  }
  return messages;
}
