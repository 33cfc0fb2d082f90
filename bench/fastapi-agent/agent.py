"""The benchmark's echo agent as AWS documents agents built without its toolkit: a FastAPI app under uvicorn
serving POST /invocations and GET /ping. Same behaviour as examples/echo-agent."""
import asyncio
import json
import time

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse

app = FastAPI(title="Echo Agent Server", version="1.0.0")
STARTED = int(time.time())


@app.post("/invocations")
async def invoke(request: Request):
    payload = await request.json()
    if isinstance(payload.get("sleep_ms"), (int, float)):
        await asyncio.sleep(payload["sleep_ms"] / 1000)
    prompt = str(payload.get("prompt") or "")
    if payload.get("stream") is True:
        async def words():
            for word in prompt.split():
                yield "data: " + json.dumps(word) + "\n\n"
        return StreamingResponse(words(), media_type="text/event-stream")
    session = request.headers.get("x-amzn-bedrock-agentcore-runtime-session-id")
    return JSONResponse({"response": "echo: " + prompt, "sessionId": session})


@app.get("/ping")
async def ping():
    return {"status": "Healthy", "time_of_last_update": STARTED}
