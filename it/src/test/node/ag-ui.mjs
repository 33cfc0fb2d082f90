// Runs an AG-UI agent with the official AG-UI client (@ag-ui/client HttpAgent): `node ag-ui.mjs <invocations url>`.
// Prints the event types in the order received; exits 1 when the run or a check fails.
import assert from 'node:assert/strict';
import { HttpAgent } from '@ag-ui/client';

const [url] = process.argv.slice(2);
const agent = new HttpAgent({
  url,
  threadId: 'thread-1',
  initialMessages: [{ id: 'user-1', role: 'user', content: 'Read this wonderful sentence' }],
  initialState: { textsRead: 2 },
});

const types = [];
let toolCall;
const { newMessages } = await agent.runAgent(
  { tools: [{ name: 'highlight', description: 'Highlights a word on the page', parameters: { type: 'object' } }] },
  {
    onEvent: ({ event }) => {
      types.push(event.type);
    },
    onToolCallEndEvent: ({ toolCallName, toolCallArgs }) => {
      toolCall = { toolCallName, toolCallArgs };
    },
  },
);
console.log(`events ${types.join(' ')}`);
assert.equal(types[0], 'RUN_STARTED');
assert.equal(types.at(-1), 'RUN_FINISHED');
assert.deepEqual(types.filter((type) => !type.startsWith('TEXT_MESSAGE_CONTENT')), [
  'RUN_STARTED', 'TEXT_MESSAGE_START', 'TEXT_MESSAGE_END', 'TOOL_CALL_START', 'TOOL_CALL_ARGS', 'TOOL_CALL_END',
  'STATE_SNAPSHOT', 'RUN_FINISHED',
]);
assert.ok(types.filter((type) => type === 'TEXT_MESSAGE_CONTENT').length > 1, 'the answer streams in pieces');

const answer = newMessages.find((message) => message.role === 'assistant');
assert.equal(answer.content, 'Your text has 4 words; the longest is "wonderful".');
assert.deepEqual(toolCall, { toolCallName: 'highlight', toolCallArgs: { word: 'wonderful' } });
assert.equal(answer.toolCalls?.[0]?.function?.name, 'highlight');
assert.equal(agent.state.textsRead, 3);
console.log(`answer ${answer.content}`);
console.log(`tool ${toolCall.toolCallName} ${JSON.stringify(toolCall.toolCallArgs)}`);
console.log(`state ${JSON.stringify(agent.state)}`);
console.log('ok');
