// Drives an A2A agent with the official A2A JavaScript SDK: `node a2a.mjs <base url> v1|v0.3`.
// v1 uses the SDK's defaults (A2A 1.0); v0.3 fetches the card as a 0.3 client does (no A2A-Version header)
// and lets the SDK's v0.3 compatibility layer pick its 0.3 transport. Prints one line per check; exits 1 on failure.
import assert from 'node:assert/strict';
import { ClientFactory, ClientFactoryOptions, DefaultAgentCardResolver, JsonRpcTransportFactory }
  from '@a2a-js/sdk/client';

const [baseUrl, version] = process.argv.slice(2);
const TEXT = 'The cat sat. The cat ran! A dog watched the cat.';

// clientConfig.polling makes sendMessage ask the agent not to wait (returnImmediately, or 0.3's blocking: false).
async function client(clientConfig = {}) {
  if (version === 'v1') {
    return new ClientFactory(ClientFactoryOptions.createFrom(ClientFactoryOptions.default, { clientConfig }))
      .createFromUrl(baseUrl);
  }
  const legacy = { legacyCompat: { enabled: true } };
  const factory = new ClientFactory(ClientFactoryOptions.createFrom(ClientFactoryOptions.default, {
    transports: [new JsonRpcTransportFactory(legacy)],
    cardResolver: new DefaultAgentCardResolver(legacy),
    clientConfig,
  }));
  // The card as a 0.3 client gets it (no A2A-Version header) and reads it: 1.0's supportedInterfaces mean nothing to
  // such a client, so they are left out here, else the SDK would rightly prefer the agent's 1.0 interface.
  const { supportedInterfaces, ...card } = await (await fetch(new URL('.well-known/agent-card.json', baseUrl))).json();
  assert.equal(card.protocolVersion, '0.3.0');
  assert.deepEqual(supportedInterfaces.map((i) => i.protocolVersion), ['1.0', '0.3']);
  return factory.createFromAgentCard(card);
}

function message(text) {
  return {
    message: {
      messageId: crypto.randomUUID(), role: 1 /* ROLE_USER */, parts: [{ content: { $case: 'text', value: text } }],
    },
  };
}

function text(parts) {
  return parts.filter((part) => part.content?.$case === 'text').map((part) => part.content.value).join('');
}

const a2a = await client();
console.log(`protocol ${a2a.protocolVersion}`);
assert.equal(a2a.protocolVersion, version === 'v1' ? '1.0' : '0.3');

const reply = await a2a.sendMessage(message(TEXT));
assert.ok('messageId' in reply, JSON.stringify(reply));
assert.equal(reply.role, 2 /* ROLE_AGENT */);
assert.match(text(reply.parts), /^11 words, 3 sentences\. Most frequent: cat \(3\)/);
console.log(`send ${text(reply.parts)}`);

const kinds = [];
let taskId;
let streamed = '';
for await (const event of a2a.sendMessageStream(message(TEXT))) {
  const { $case, value } = event.payload;
  kinds.push($case === 'statusUpdate' ? `statusUpdate:${value.status.state}` : $case);
  if ($case === 'task') {
    taskId = value.id;
  } else if ($case === 'artifactUpdate') {
    streamed += text(value.artifact.parts);
  }
}
assert.deepEqual(kinds, ['task', 'artifactUpdate', 'artifactUpdate', 'artifactUpdate', 'statusUpdate:3']);
assert.match(streamed, /^11 words, 3 sentences\. Most frequent: cat \(3\)/);
console.log(`stream ${kinds.join(' ')}`);

const task = await a2a.getTask({ id: taskId });
assert.equal(task.id, taskId);
assert.equal(task.status.state, 3 /* TASK_STATE_COMPLETED */);
assert.equal(task.artifacts[0].parts.length, 3);
assert.equal(task.history[0].role, 1 /* ROLE_USER */);
console.log(`get ${task.id} completed with ${task.artifacts[0].parts.length} parts`);

await assert.rejects(a2a.cancelTask({ id: taskId }), (error) => {
  console.log(`cancel refused: ${error.constructor.name}`);
  return /TaskNotCancelable/.test(error.constructor.name);
});
await assert.rejects(a2a.getTask({ id: 'no-such-task' }), (error) => /TaskNotFound/.test(error.constructor.name));

// Polling: the send answers with the task at once; GetTask follows it to its end.
const polling = await client({ polling: true });
const started = await polling.sendMessage(message(TEXT));
assert.ok('status' in started, JSON.stringify(started));
let polled = started;
for (let attempt = 0; polled.status.state !== 3 && attempt < 100; attempt++) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  polled = await polling.getTask({ id: started.id });
}
assert.equal(polled.status.state, 3 /* TASK_STATE_COMPLETED */);
assert.match(text(polled.artifacts[0].parts), /^11 words/);
console.log(`poll ${started.id} completed`);

if (version === 'v1') {
  // Should the A2A-Version header not reach the agent, the 0.3 card it then serves still leads a 1.0 client to 1.0.
  const headerless = await (await fetch(new URL('.well-known/agent-card.json', baseUrl))).json();
  const fallback = await new ClientFactory().createFromAgentCard(headerless);
  assert.equal(fallback.protocolVersion, '1.0');
  assert.match(text((await fallback.sendMessage(message(TEXT))).parts), /^11 words/);
  console.log('headerless card 1.0');

  const listed = await a2a.listTasks({});
  assert.deepEqual(listed.tasks.map((listedTask) => listedTask.id), [started.id, taskId], JSON.stringify(listed));
  console.log(`list ${listed.tasks.length} tasks`);
}
console.log('ok');
