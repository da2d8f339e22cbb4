#!/usr/bin/env python3
"""Time a subgraph's `_entities` answer for three regions (the gateway's region fetch).

Run against one subgraph started alone, e.g.:
    quntuan seed youth --data-dir /tmp/q && quntuan subgraph youth --data-dir /tmp/q --listen 127.0.0.1:44001 &
    python3 subgraphs/kit/benches/entities_latency.py http://127.0.0.1:44001/graphql 500
Prints the median, p90 and p99 in milliseconds over N requests on one kept-alive connection,
after 50 warm-up requests. A timing script, not a test: it asserts only that each answer has
three entities and no errors.
"""
import http.client
import json
import sys
import time
import urllib.parse

QUERY = """query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Region { code youth { branchCount memberCount volunteerCount } } } }"""
REGIONS = ["510104", "510105", "510106"]


def main():
    url = urllib.parse.urlparse(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:44001/graphql")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    body = json.dumps({
        "query": QUERY,
        "variables": {"reps": [{"__typename": "Region", "code": c} for c in REGIONS]},
    })
    conn = http.client.HTTPConnection(url.hostname, url.port)
    headers = {"content-type": "application/json"}

    def once():
        start = time.perf_counter()
        conn.request("POST", url.path, body, headers)
        answer = json.loads(conn.getresponse().read())
        elapsed = time.perf_counter() - start
        entities = (answer.get("data") or {}).get("_entities") or []
        if answer.get("errors") or len(entities) != 3:
            sys.exit(f"unexpected answer: {answer}")
        return elapsed

    for _ in range(50):
        once()
    times = sorted(once() for _ in range(count))
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
    print(f"_entities x3 regions, {count} requests: p50 {pick(0.5):.3f} ms, "
          f"p90 {pick(0.9):.3f} ms, p99 {pick(0.99):.3f} ms")


if __name__ == "__main__":
    main()
