/**
 * COMP-10: the simulated server runs the sample workflows (catalogue.ts): it checks a run's parameters
 * as a server would, and adds the run's audit announcement to the thread.
 */
import { pickText } from '../model/text.js';
import type { Task } from '../model/tasks.js';
import { validateWorkflowParams, type Workflow } from '../model/workflows.js';
import { DcBackendError } from '../backend/types.js';
import { ESCALATION_FAILURE, FAILING_WORKFLOW_ID, SAMPLE_CATALOGUE } from './catalogue.js';
import type { Conversation } from './conversation.js';
import type { InjectedFailures } from './failures.js';
import type { SimulatedServer } from './server.js';

export class Workflows {
  #server: SimulatedServer;
  #conversation: Conversation;
  #failures: InjectedFailures;

  constructor(server: SimulatedServer, conversation: Conversation, failures: InjectedFailures) {
    this.#server = server;
    this.#conversation = conversation;
    this.#failures = failures;
  }

  /**
   * Runs `workflowId` in a held task. A run that fails (an injected failure, or the sample workflow
   * that always fails) adds a `failed` announcement and throws the reason.
   */
  run(task: Task, workflowId: string, params: Readonly<Record<string, string>>): void {
    const workflow = sampleWorkflow(this.#server, task, workflowId);
    const refused = Object.keys(validateWorkflowParams(workflow, params));
    if (refused.length) throw new DcBackendError('invalid', `Invalid parameters: ${refused.join(', ')}`);
    const failure = this.#failures.takeWorkflow() ?? (workflow.id === FAILING_WORKFLOW_ID ? ESCALATION_FAILURE : undefined);
    if (failure) {
      this.#announce(task, workflow, 'failed', failure);
      throw new DcBackendError('rejected', failure);
    }
    this.#announce(task, workflow, 'succeeded', runDetail(this.#server, task, workflow, params));
  }

  /** The audit announcement of a workflow run. */
  #announce(task: Task, workflow: Workflow, outcome: 'succeeded' | 'failed', detail?: string): void {
    const name = pickText(workflow.name, 'en');
    const text = `${name} ${outcome === 'succeeded' ? 'done' : 'failed'}${detail ? `: ${detail}` : ''}`;
    this.#conversation.announce(task.id, text, {
      code: 'workflow',
      params: { workflowId: workflow.id, workflow: name, outcome, ...(detail ? { detail } : {}) },
    });
  }
}

/** A sample workflow that applies to the task's media, else `invalid`. */
function sampleWorkflow(server: SimulatedServer, task: Task, workflowId: string): Workflow {
  const workflow = SAMPLE_CATALOGUE.workflows.find((w) => w.id === workflowId);
  if (!workflow) throw new DcBackendError('invalid', `Unknown workflow "${workflowId}"`);
  const kind = server.kind(task);
  if (workflow.media && !workflow.media.includes(kind)) {
    throw new DcBackendError('invalid', `The workflow "${workflowId}" does not apply to ${kind}`);
  }
  return workflow;
}

/** What a successful run did, in the server's words. */
function runDetail(server: SimulatedServer, task: Task, workflow: Workflow, params: Readonly<Record<string, string>>): string | undefined {
  switch (workflow.id) {
    case 'create-case':
      return `Case CS-${String(10_000 + server.state.nextId)} created`;
    case 'survey': {
      const to = task.customer['email'] || task.customer['phone'];
      return to ? `Sent to ${to}` : undefined;
    }
    case 'callback':
      return `Callback on ${params['date'] ?? ''} to ${params['phone'] ?? ''}`;
    default:
      return undefined;
  }
}
