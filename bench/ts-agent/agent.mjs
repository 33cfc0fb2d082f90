// The benchmark's echo agent on the TypeScript SDK's BedrockAgentCoreApp, with its defaults (Fastify, pino
// logging), or with its logging off when LOGGING=off. Same behaviour as examples/echo-agent. Port from PORT; host
// 127.0.0.1 (the benchmark never listens beyond loopback).
import { BedrockAgentCoreApp } from 'bedrock-agentcore/runtime'

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function* words(prompt) {
  for (const word of prompt.split(/\s+/).filter((w) => w.length > 0)) {
    yield word
  }
}

const app = new BedrockAgentCoreApp({
  config: process.env.LOGGING === 'off' ? { logging: { enabled: false } } : {},
  invocationHandler: {
    process: async (payload, context) => {
      if (typeof payload.sleep_ms === 'number') {
        await sleep(payload.sleep_ms)
      }
      const prompt = String(payload.prompt ?? '')
      if (payload.stream === true) {
        return words(prompt)
      }
      return { response: `echo: ${prompt}`, sessionId: context.sessionId }
    },
  },
})

app.run({ port: Number(process.env.PORT ?? 8080), host: '127.0.0.1' })
