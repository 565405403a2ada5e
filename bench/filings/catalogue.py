"""Submits the catalogue through the API and times the comparison against a baseline request (see run-catalogue.sh)."""
import json, statistics, sys, time, urllib.request, http.client
from urllib.parse import urlparse

base, password, entries, filed, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
host = urlparse(base)
conn = http.client.HTTPConnection(host.hostname, host.port, timeout=120)

def call(method, path, token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token: headers["Authorization"] = "Bearer " + token
    conn.request(method, path, body=None if body is None else json.dumps(body).encode(), headers=headers)
    r = conn.getresponse()
    data = r.read()
    if r.status >= 400: raise SystemExit(f"{method} {path}: {r.status} {data[:500]!r}")
    return json.loads(data) if data else None

def token(user): return call("POST", "/api/v1/auth/token", body={"userName": user, "password": password})["token"]

filer, staff = token("zhengfu"), token("fagongwei")
lines = []
for i in range(1, entries + 1):
    if i <= filed:
        number = f"西政〔2024〕{i}号" if i % 2 else f"西政[2024]{i}号"  # another bracket style for half of them
    else:
        number = f"西政〔2024〕{100000 + i}号"
    lines.append({"title": f"海西州人民政府关于印发基准测试文件第{i}号的通知", "documentNumber": number, "publishedOn": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"})
t0 = time.perf_counter()
created = call("POST", "/api/v1/congresses/632800/filing-catalogues", filer, {"year": 2024, "entries": lines})
submit_ms = (time.perf_counter() - t0) * 1000
cid = created["catalogueId"]
assert created["entries"] == entries and len(created["unfiled"]) == entries - filed, (created["entries"], len(created["unfiled"]))
one = call("GET", "/api/v1/congresses/632800/filings?year=2026&pageSize=1", staff)["items"][0]["id"]

def timed(path):
    t = time.perf_counter(); call("GET", path, staff); return (time.perf_counter() - t) * 1000

for _ in range(5): timed(f"/api/v1/filing-catalogues/{cid}/comparison"); timed(f"/api/v1/filings/{one}")
cmp, baseline = [], []
for _ in range(rounds):
    cmp.append(timed(f"/api/v1/filing-catalogues/{cid}/comparison"))
    baseline.append(timed(f"/api/v1/filings/{one}"))
check = call("GET", f"/api/v1/filing-catalogues/{cid}/comparison", staff)
assert check["filed"] == filed and len(check["unfiled"]) == entries - filed

def p(xs, q): xs = sorted(xs); return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]
print(f"\ncatalogue of {entries} entries, {filed} filed ({filed // 2} listed with [ ] brackets), {entries - filed} unfiled; {rounds} rounds after 5 warm-up")
print(f"submit (POST, 10,000 entries validated and inserted, comparison returned): {submit_ms:.0f} ms")
print("| request | median ms | p95 ms | max ms |\n|---|---|---|---|")
print(f"| comparison GET /filing-catalogues/{{id}}/comparison | {statistics.median(cmp):.1f} | {p(cmp, .95):.1f} | {max(cmp):.1f} |")
print(f"| baseline GET /filings/{{id}} | {statistics.median(baseline):.1f} | {p(baseline, .95):.1f} | {max(baseline):.1f} |")
print(f"ratio of medians comparison/baseline: {statistics.median(cmp) / statistics.median(baseline):.1f}; limit 1,000 ms: {'met' if max(cmp) <= 1000 else 'NOT met'} (max {max(cmp):.0f} ms)")
