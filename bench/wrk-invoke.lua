-- wrk script: POST the echo payload to /invocations with the headers AgentCore sends (the TypeScript SDK refuses
-- invocations without a session id).
wrk.method = "POST"
wrk.body = '{"prompt":"hi"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"] = "bench-session-0123456789abcdef0123456789"
