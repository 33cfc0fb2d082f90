#!/usr/bin/env python3
"""Copies the AWS service models the stand-in serves, keeping only the operations it implements and the shapes they
reach (inputs, outputs, errors), verbatim except for the documentation strings.

Usage: python3 trim-models.py <folder with the botocore service-2.json files>
"""
import json
import os
import sys

SOURCES = {
    "bedrock-agentcore-control.json": ("bedrock-agentcore-control-2026-08.service-2.json", [
        "CreateAgentRuntime", "UpdateAgentRuntime", "GetAgentRuntime", "DeleteAgentRuntime", "ListAgentRuntimes",
        "ListAgentRuntimeVersions", "CreateAgentRuntimeEndpoint", "GetAgentRuntimeEndpoint",
        "UpdateAgentRuntimeEndpoint", "DeleteAgentRuntimeEndpoint", "ListAgentRuntimeEndpoints", "TagResource",
        "UntagResource", "ListTagsForResource",
        "CreateMemory", "GetMemory", "ListMemories", "UpdateMemory", "DeleteMemory",
        "CreateApiKeyCredentialProvider", "GetApiKeyCredentialProvider", "UpdateApiKeyCredentialProvider",
        "DeleteApiKeyCredentialProvider", "ListApiKeyCredentialProviders", "CreateOauth2CredentialProvider",
        "GetOauth2CredentialProvider", "UpdateOauth2CredentialProvider", "DeleteOauth2CredentialProvider",
        "ListOauth2CredentialProviders", "CreateWorkloadIdentity", "GetWorkloadIdentity", "UpdateWorkloadIdentity",
        "DeleteWorkloadIdentity", "ListWorkloadIdentities"]),
    "bedrock-agentcore.json": ("bedrock-agentcore-2026-08.service-2.json", [
        "InvokeAgentRuntime", "StopRuntimeSession",
        "CreateEvent", "GetEvent", "ListEvents", "DeleteEvent", "ListSessions", "ListActors", "RetrieveMemoryRecords",
        "ListMemoryRecords", "GetMemoryRecord", "DeleteMemoryRecord",
        "GetWorkloadAccessToken", "GetWorkloadAccessTokenForUserId", "GetWorkloadAccessTokenForJWT",
        "GetResourceApiKey", "GetResourceOauth2Token", "CompleteResourceTokenAuth"]),
    "ecr.json": ("ecr.service-2.json", [
        "GetAuthorizationToken", "DescribeRepositories", "CreateRepository", "DeleteRepository", "ListImages",
        "DescribeImages", "BatchDeleteImage"]),
}


def without_documentation(value):
    if isinstance(value, dict):
        return {k: without_documentation(v) for k, v in value.items() if k != "documentation"}
    if isinstance(value, list):
        return [without_documentation(v) for v in value]
    return value


def reachable(shapes, roots):
    seen = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        shape = shapes[name]
        for member in shape.get("members", {}).values():
            todo.append(member["shape"])
        for key in ("member", "key", "value"):
            if key in shape:
                todo.append(shape[key]["shape"])
    return seen


def main(folder):
    here = os.path.dirname(os.path.abspath(__file__))
    for target, (source, operations) in SOURCES.items():
        model = json.load(open(os.path.join(folder, source)))
        ops = {name: model["operations"][name] for name in operations}
        roots = []
        for op in ops.values():
            for key in ("input", "output"):
                if key in op:
                    roots.append(op[key]["shape"])
            roots.extend(error["shape"] for error in op.get("errors", []))
        names = reachable(model["shapes"], roots)
        trimmed = {
            "version": model.get("version"),
            "metadata": model["metadata"],
            "operations": without_documentation(ops),
            "shapes": {name: without_documentation(model["shapes"][name]) for name in sorted(names)},
        }
        with open(os.path.join(here, target), "w") as out:
            json.dump(trimmed, out, indent=1, sort_keys=False)
            out.write("\n")
        print(target, len(ops), "operations,", len(names), "shapes")


if __name__ == "__main__":
    main(sys.argv[1])
