#!/usr/bin/env bash
# Offline checks of the deployment files: Dockerfile, .dockerignore, docker-compose.yml and
# deploy/kubernetes. Needs no Docker engine, no cluster and no internet. For CI:
#
#   bash deploy/check.sh          # exit 0: all checks that could run passed
#
# Always runs: YAML parsing of every file, and the consistency checks below (Python 3 + PyYAML,
# or Node.js + js-yaml from node_modules when PyYAML is missing). Each external tool is optional
# and skipped with a note when it is missing: `docker compose` (or docker-compose v1), kubectl
# kustomize (or kustomize), kubeconform (which needs JSON schemas from the internet, or a local
# copy: KUBECONFORM_SCHEMA_LOCATION=/path/{{.ResourceKind}}{{.KindSuffix}}.json), hadolint.
set -uo pipefail
cd "$(dirname "$0")/.."

failures=0
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }
pass() { echo "ok    $*"; }
note() { echo "skip  $*"; }
have() { command -v "$1" > /dev/null 2>&1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

k8s_files=(deploy/kubernetes/*.yaml)
yaml_files=(docker-compose.yml "${k8s_files[@]}")

# ---------------------------------------------------------------- 1. render kustomize (optional)
rendered=""
if have kubectl && kubectl kustomize deploy/kubernetes > "$tmp/rendered.yaml" 2> "$tmp/kustomize.err"; then
  rendered="$tmp/rendered.yaml"; pass "kubectl kustomize deploy/kubernetes ($(grep -c '^kind:' "$rendered") objects)"
elif have kustomize && kustomize build deploy/kubernetes > "$tmp/rendered.yaml" 2> "$tmp/kustomize.err"; then
  rendered="$tmp/rendered.yaml"; pass "kustomize build deploy/kubernetes"
elif have kubectl || have kustomize; then
  fail "kustomize could not render deploy/kubernetes:"; sed 's/^/      /' "$tmp/kustomize.err"
else
  note "kustomize rendering: neither kubectl nor kustomize is installed"
fi

# ---------------------------------------------------------------- 2. YAML parse + consistency (always)
python_checks() {
  python3 - "$rendered" "${yaml_files[@]}" << 'PY'
import os, re, sys
import yaml

rendered, files = sys.argv[1], sys.argv[2:]
problems = []
def problem(msg): problems.append(msg)

docs_by_file = {}
for f in files + ([rendered] if rendered else []):
    try:
        with open(f) as fh:
            docs_by_file[f] = [d for d in yaml.safe_load_all(fh) if d is not None]
        print(f"ok    YAML parses: {f if f != rendered else 'rendered kustomize output'} ({len(docs_by_file[f])} documents)")
    except yaml.YAMLError as e:
        problem(f"{f}: YAML error: {e}")
if problems:
    for p in problems: print("FAIL  " + p)
    sys.exit(1)

apps = sorted(d for d in os.listdir("apps") if os.path.isfile(f"apps/{d}/src/main.ts"))

# ---- docker-compose.yml
compose = docs_by_file["docker-compose.yml"][0]
services = compose.get("services", {})
for store in ("kafka", "elasticsearch", "mongodb"):
    s = services.get(store)
    if not s: problem(f"compose: data store {store} missing"); continue
    if "healthcheck" not in s: problem(f"compose: {store} has no healthcheck")
    if not any(str(v).split(":")[0] in (compose.get("volumes") or {}) for v in s.get("volumes", [])):
        problem(f"compose: {store} has no named volume")
if "apache/kafka:4." not in str(services.get("kafka", {}).get("image", "")): problem("compose: kafka is not apache/kafka 4.x")
if "elasticsearch:9.2.0" not in str(services.get("elasticsearch", {}).get("image", "")): problem("compose: elasticsearch is not 9.2.0")
if "mongo:7" not in str(services.get("mongodb", {}).get("image", "")): problem("compose: mongodb is not mongo 7")
cxm_services = [n for n, s in services.items() if isinstance(s.get("build"), dict)]
for name in cxm_services:
    s = services[name]
    app = (s["build"].get("args") or {}).get("APP")
    if app not in apps: problem(f"compose: {name} builds APP={app!r}, which has no apps/<APP>/src/main.ts")
    deps = s.get("depends_on") or {}
    if not isinstance(deps, dict) or not deps: problem(f"compose: {name} has no depends_on with conditions")
    for dep, cond in (deps.items() if isinstance(deps, dict) else []):
        if dep not in services: problem(f"compose: {name} depends on unknown service {dep}")
        if (cond or {}).get("condition") != "service_healthy": problem(f"compose: {name} → {dep} is not condition: service_healthy")
        elif "healthcheck" not in services[dep] and dep not in cxm_services: problem(f"compose: {name} waits for {dep}, which has no healthcheck")
    env = s.get("environment") or {}
    if name != "gateway" and "CXM_ADMIN_TOKEN:?" not in str(env.get("CXM_ADMIN_TOKEN", "")):
        problem(f"compose: {name} does not require CXM_ADMIN_TOKEN with ${{CXM_ADMIN_TOKEN:?…}}")
    if str(env.get("CXM_HOST")) != "0.0.0.0": problem(f"compose: {name} does not bind 0.0.0.0")
wanted = {"ingest", "classifier", "profile", "routing", "responder", "explorer", "gateway"}
if not wanted <= set(cxm_services): problem(f"compose: missing services {sorted(wanted - set(cxm_services))}")
gw = services.get("gateway", {})
if not any(str(p).endswith("3000") and ":3000" in str(p) for p in gw.get("ports", [])): problem("compose: gateway is not published on 3000")
for up in ("ingest", "explorer", "profile", "routing", "responder"):
    if f"http://{up}:3000" != (gw.get("environment") or {}).get(f"CXM_UPSTREAM_{up.upper()}"):
        problem(f"compose: gateway CXM_UPSTREAM_{up.upper()} is not http://{up}:3000")
published = [n for n, s in services.items() if s.get("ports") and n != "gateway"]
if published: problem(f"compose: only the gateway should publish ports, also: {published}")

# ---- Kubernetes
kdir = "deploy/kubernetes"
kustomization = docs_by_file[f"{kdir}/kustomization.yaml"][0]
for r in kustomization.get("resources", []):
    if not os.path.exists(f"{kdir}/{r}"): problem(f"kustomization: resource {r} does not exist")
for f in os.listdir(kdir):
    if f.endswith(".yaml") and f not in kustomization.get("resources", []) and f not in ("kustomization.yaml", "secret.example.yaml"):
        problem(f"kustomization: {f} is not listed in resources")
config = {}
for gen in kustomization.get("configMapGenerator", []):
    for env_file in gen.get("envs", []):
        for line in open(f"{kdir}/{env_file}"):
            line = line.strip()
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                config[key] = value
for key in ("CXM_BUS", "CXM_KAFKA_BROKERS", "CXM_STORE", "CXM_MONGODB_URL", "CXM_INDEX", "CXM_ELASTICSEARCH_URL", "CXM_HOST"):
    if not config.get(key): problem(f"config.env: {key} is not set")
if "CXM_ADMIN_TOKEN" in config or "CXM_API_TOKENS" in config: problem("config.env holds a token: tokens belong in the Secret")
partitions = int(config.get("CXM_BUS_PARTITIONS", "4"))

objs = []
for f in [f for f in docs_by_file if f.startswith(kdir) and not f.endswith("kustomization.yaml")]:
    for d in docs_by_file[f]:
        if not isinstance(d, dict) or "kind" not in d or "apiVersion" not in d or "name" not in (d.get("metadata") or {}):
            problem(f"{f}: a document lacks apiVersion, kind or metadata.name"); continue
        objs.append((f, d))
by_kind = {}
for f, d in objs: by_kind.setdefault(d["kind"], {})[d["metadata"]["name"]] = d

expected = {"ingest", "classifier", "profile", "routing", "responder", "explorer"}
deployments, svcs = by_kind.get("Deployment", {}), by_kind.get("Service", {})
if set(deployments) != expected: problem(f"k8s: Deployments {sorted(deployments)} != {sorted(expected)}")
if set(svcs) != expected: problem(f"k8s: Services {sorted(svcs)} != {sorted(expected)}")
for name, dep in deployments.items():
    spec = dep["spec"]; tpl = spec["template"]; pod = tpl["spec"]
    labels = tpl["metadata"].get("labels", {})
    if any(labels.get(k) != v for k, v in spec["selector"]["matchLabels"].items()): problem(f"k8s: {name} selector does not match its pod labels")
    svc = svcs.get(name)
    if svc and any(labels.get(k) != v for k, v in svc["spec"]["selector"].items()): problem(f"k8s: Service {name} selects no pod of Deployment {name}")
    sc = pod.get("securityContext", {})
    if not sc.get("runAsNonRoot") or sc.get("runAsUser") != 10001: problem(f"k8s: {name} does not run as non-root uid 10001")
    for c in pod["containers"]:
        port_names = {p.get("name") for p in c.get("ports", [])}
        if svc and any(p.get("targetPort") not in port_names | {p2.get("containerPort") for p2 in c.get("ports", [])} for p in svc["spec"]["ports"]):
            problem(f"k8s: Service {name} targets a port the container does not declare")
        res = c.get("resources", {})
        for part in ("requests", "limits"):
            for r in ("cpu", "memory"):
                if r not in res.get(part, {}): problem(f"k8s: {name} has no {part}.{r}")
        if (c.get("livenessProbe") or {}).get("httpGet", {}).get("path") != "/healthz": problem(f"k8s: {name} liveness probe is not GET /healthz")
        if (c.get("readinessProbe") or {}).get("httpGet", {}).get("path") != "/readyz": problem(f"k8s: {name} readiness probe is not GET /readyz")
        refs = {(next(iter(e.keys())), next(iter(e.values()))["name"]) for e in c.get("envFrom", [])}
        if ("configMapRef", "cxm-config") not in refs or ("secretRef", "cxm-secrets") not in refs:
            problem(f"k8s: {name} does not take its env from ConfigMap cxm-config and Secret cxm-secrets")
        if not (c.get("securityContext") or {}).get("readOnlyRootFilesystem"): problem(f"k8s: {name} root filesystem is writable")
        if not any(m.get("mountPath") == "/tmp" for m in c.get("volumeMounts", [])): problem(f"k8s: {name} has no writable /tmp (swc cache)")
        if not str(c.get("image", "")).startswith(f"cxm/{name}:"): problem(f"k8s: {name} runs image {c.get('image')}")
hpas = by_kind.get("HorizontalPodAutoscaler", {})
if set(hpas) != {"classifier", "explorer"}: problem(f"k8s: HPAs {sorted(hpas)} != ['classifier', 'explorer']")
for name, hpa in hpas.items():
    target = hpa["spec"]["scaleTargetRef"]["name"]
    if target not in deployments: problem(f"k8s: HPA {name} targets unknown Deployment {target}")
    elif "replicas" in deployments[target]["spec"]: problem(f"k8s: Deployment {target} sets replicas although HPA {name} owns them")
    if hpa["spec"]["maxReplicas"] > partitions: problem(f"k8s: HPA {name} maxReplicas {hpa['spec']['maxReplicas']} > CXM_BUS_PARTITIONS {partitions}: extra replicas would idle")

# Ingress: every backend exists; the route table agrees with the gateway's (apps/gateway/src/gateway-routes.ts).
ingresses = by_kind.get("Ingress", {})
if len(ingresses) != 1: problem(f"k8s: expected one Ingress, found {sorted(ingresses)}")
paths = []
for ing in ingresses.values():
    for rule in ing["spec"]["rules"]:
        for p in rule["http"]["paths"]:
            backend = p["backend"]["service"]
            if backend["name"] not in svcs: problem(f"k8s: Ingress path {p['path']} → unknown Service {backend['name']}")
            elif backend["port"].get("name") not in {sp.get("name") for sp in svcs[backend["name"]]["spec"]["ports"]}:
                problem(f"k8s: Ingress path {p['path']} → Service {backend['name']} has no port {backend['port']}")
            paths.append((p["pathType"], p["path"], backend["name"]))
def route(path):
    """Kubernetes Ingress precedence: longest match wins, Exact before Prefix; the regex path is
    read as ingress-nginx's anchored prefix regex."""
    matches = []
    for kind, p, svc in paths:
        if kind == "Exact" and path == p: matches.append((len(p), 2, svc))
        elif kind == "Prefix":
            parts, req = [x for x in p.split("/") if x], [x for x in path.split("/") if x]
            if req[: len(parts)] == parts: matches.append((len(p.rstrip("/")), 1, svc))
        elif kind == "ImplementationSpecific" and re.match("^" + p, path, re.I): matches.append((len(p), 1, svc))
    return max(matches)[2] if matches else None
for path, svc in [("/v1/mentions", "ingest"), ("/v1/mentions/8640968c-1f1e-5c43-b8ea-0f5cd43d6520", "explorer"),
                  ("/v1/search", "explorer"), ("/v1/profiles/abc", "profile"), ("/v1/profiles", "profile"),
                  ("/v1/cases/abc/replies", "responder"), ("/v1/cases/abc", "routing"), ("/v1/cases", "routing"),
                  ("/v1/mentions/abc/labels", "classifier"), ("/v1/topics/battery", "classifier"), ("/v1/topics", "classifier"),
                  ("/v1/reprocess", "classifier"), ("/v1/classifier/intent-model", "classifier"),
                  ("/v1/webhooks/demo/facebook", "ingest"), ("/v1/tenants/demo/channels/x", "ingest"),
                  ("/v1/search/export", "explorer"), ("/v1/saved-searches/abc/monitors", "explorer"), ("/v1/monitors", "explorer"), ("/v1/alerts", "explorer")]:
    got = route(path)
    if got != svc: problem(f"k8s: Ingress sends {path} to {got}, the gateway to {svc}")
    else: print(f"ok    Ingress routes {path} → {svc}")

# The Secret is never part of the rendered manifests (no default token).
if rendered:
    kinds = [d.get("kind") for d in docs_by_file[rendered] if isinstance(d, dict)]
    if "Secret" in kinds: problem("rendered manifests contain a Secret: tokens must not be committed")
    for d in docs_by_file[rendered]:
        if isinstance(d, dict) and d.get("kind") not in ("Namespace",) and (d.get("metadata") or {}).get("namespace") != "cxm":
            problem(f"rendered: {d.get('kind')} {(d.get('metadata') or {}).get('name')} is not in namespace cxm")

# ---- Dockerfile / .dockerignore
dockerfile = open("Dockerfile").read()
for needle, what in [("FROM ${NODE_IMAGE} AS deps", "deps stage"), ("npm ci", "npm ci"), ("npm prune --omit=dev", "prune"),
                     ("ARG NODE_IMAGE=node:20-bookworm-slim", "node:20-bookworm-slim base"), ("USER 10001", "non-root user"),
                     ("NODE_ENV=production", "NODE_ENV"), ("CXM_HOST=0.0.0.0", "CXM_HOST"), ("EXPOSE 3000", "EXPOSE 3000"),
                     ("HEALTHCHECK", "HEALTHCHECK"), ('CMD ["node", "-r", "./scripts/register.js"', "exec-form CMD")]:
    if needle not in dockerfile: problem(f"Dockerfile: no {what} ({needle!r})")
for required in ("scripts/register.js", "tsconfig.base.json", "tsconfig.json", "package.json", "package-lock.json"):
    if not os.path.exists(required): problem(f"Dockerfile copies {required}, which does not exist")
ignore = open(".dockerignore").read().split()
for must in ("node_modules", ".git", ".env"):
    if must not in ignore: problem(f".dockerignore does not exclude {must}")
# What the runtime needs must not be ignored.
for needed in ("libs", "apps", "scripts/register.js", "package-lock.json", "tsconfig.base.json"):
    if needed in ignore: problem(f".dockerignore excludes {needed}, which the image needs")

for p in problems: print("FAIL  " + p)
print(f"{'ok   ' if not problems else 'FAIL '} consistency checks ({len(problems)} problems)")
sys.exit(1 if problems else 0)
PY
}

node_yaml_parse() {
  node - "$rendered" "${yaml_files[@]}" << 'JS'
const fs = require('node:fs');
const yaml = require(require.resolve('js-yaml', { paths: [process.cwd()] }));
const [rendered, ...files] = process.argv.slice(2);
let bad = 0;
for (const f of [...files, ...(rendered ? [rendered] : [])]) {
  try { const docs = yaml.loadAll(fs.readFileSync(f, 'utf8')); console.log(`ok    YAML parses: ${f} (${docs.filter(Boolean).length} documents)`); }
  catch (e) { console.log(`FAIL  ${f}: ${e.message}`); bad++; }
}
process.exit(bad ? 1 : 0);
JS
}

if have python3 && python3 -c 'import yaml' 2> /dev/null; then
  python_checks || failures=$((failures + 1))
elif have node && node -e "require(require.resolve('js-yaml', { paths: [process.cwd()] }))" 2> /dev/null; then
  note "PyYAML missing (pip install pyyaml): YAML parse with js-yaml only, consistency checks skipped"
  node_yaml_parse || failures=$((failures + 1))
else
  fail "cannot parse YAML: install PyYAML (pip install pyyaml) or run npm ci (js-yaml)"
fi

# ---------------------------------------------------------------- 3. docker compose config (optional)
compose_cmd=()
if have docker && docker compose version > /dev/null 2>&1; then compose_cmd=(docker compose)
elif have docker-compose; then compose_cmd=(docker-compose)
fi
if [ ${#compose_cmd[@]} -gt 0 ]; then
  if CXM_ADMIN_TOKEN=check-sh-dummy-token-0123456789 "${compose_cmd[@]}" -f docker-compose.yml config -q 2> "$tmp/compose.err"; then
    pass "${compose_cmd[*]} config (with a dummy CXM_ADMIN_TOKEN)"
  else
    fail "${compose_cmd[*]} config:"; sed 's/^/      /' "$tmp/compose.err"
  fi
  if env -u CXM_ADMIN_TOKEN "${compose_cmd[@]}" -f docker-compose.yml config -q > /dev/null 2>&1; then
    fail "${compose_cmd[*]} config accepts a missing CXM_ADMIN_TOKEN"
  else
    pass "${compose_cmd[*]} config refuses a missing CXM_ADMIN_TOKEN"
  fi
else
  note "docker compose config: neither the compose plugin nor docker-compose is installed"
fi

# ---------------------------------------------------------------- 4. kubeconform (optional)
if ! have kubeconform && [ -x "$(go env GOPATH 2> /dev/null)/bin/kubeconform" ]; then PATH="$PATH:$(go env GOPATH)/bin"; fi
if [ -z "$rendered" ]; then
  note "kubeconform: nothing rendered to validate"
elif ! have kubeconform; then
  note "kubeconform: not installed (go install github.com/yannh/kubeconform/cmd/kubeconform@v0.8.0)"
else
  schema_args=()
  [ -n "${KUBECONFORM_SCHEMA_LOCATION:-}" ] && schema_args=(-schema-location "$KUBECONFORM_SCHEMA_LOCATION")
  kubeconform -strict -summary -kubernetes-version "${KUBERNETES_VERSION:-1.31.0}" "${schema_args[@]}" "$rendered" > "$tmp/kc.out" 2>&1
  kc_rc=$?
  if [ $kc_rc -eq 0 ]; then
    pass "kubeconform -strict ($(tail -1 "$tmp/kc.out"))"
  elif grep -q 'failed downloading schema' "$tmp/kc.out" && ! grep -Eq ' is invalid| failed validation: [^f]' "$tmp/kc.out"; then
    note "kubeconform: could not download its JSON schemas (offline?); set KUBECONFORM_SCHEMA_LOCATION to a local copy"
  else
    fail "kubeconform:"; sed 's/^/      /' "$tmp/kc.out"
  fi
fi

# ---------------------------------------------------------------- 5. hadolint (optional)
if have hadolint; then
  if hadolint Dockerfile > "$tmp/hadolint.out" 2>&1; then pass "hadolint Dockerfile"; else fail "hadolint:"; sed 's/^/      /' "$tmp/hadolint.out"; fi
else
  note "hadolint: not installed"
fi

echo
if [ $failures -gt 0 ]; then echo "deploy/check.sh: $failures check(s) failed"; exit 1; fi
echo "deploy/check.sh: all checks that could run passed"
