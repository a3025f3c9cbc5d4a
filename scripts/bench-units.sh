#!/usr/bin/env bash
# The units-layout benchmark (issue 24 item 6; docs/performance.md "Units layout"), run as `scripts/bench.sh units`.
#
# An organization: scripts/units-topology.py 50 3 1000 (50 accounts, 3 regions, 1,000 source VPCs: the dr account
# holds one recovery VPC per region, 49 source accounts hold the sources, each peered with and replicating into
# the recovery VPC of the next region). The change: one source account (src07) adds a route table to one of its
# VPCs (--change 7). Measured, in one run, side by side (single, then units):
#   single   tofu plan of the single root of the changed topology: the whole organization, a provider per account
#            and region (150)
#   units    tofu plan of each unit whose files the change touched (the units Atlantis' autoplan or
#            `terragrunt run --all --queue-include-units-reading` would plan), found by diffing the units trees
#            generated before and after the change; their times add up, the memory is the largest
# Method: no apply (an apply of 1,000 sources in 50 accounts on moto takes hours on 2 cores). Both plans start
# from an empty state with -refresh=false, against moto on 127.0.0.1 with every VPC seeded (each root reads its
# VPCs with data sources, as against AWS). From empty state both plan every resource of their roots, so the
# single root's figure is a lower bound of its plan on a deployed estate (there it would also refresh every
# resource in 50 accounts); a unit's inputs from earlier units are passed as -var with values of the right shape,
# as Terragrunt's mock_outputs would for a plan. drslink refuses more than 125 peerings per VPC (DRS129, AWS's
# limit); the benchmark waives that error, which changes no generated file, as bench.sh does.
#
#   scripts/bench.sh units [--jar JAR] [--accounts 50] [--regions 3] [--sources 1000] [--markdown FILE] [--update-readme]
#
# Needs java, python3, GNU time and the toolchain (scripts/toolchain.sh install). Only 127.0.0.1 is reached.
# Target: the units plan >= 10x faster than the single root's (exit 1 when missed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$PWD
TARGET_SPEEDUP=10

jar=target/drslink.jar accounts=50 regions=3 sources=1000 markdown='' update_readme=0
while [ $# -gt 0 ]; do
  case $1 in
    --jar) jar=$2; shift ;;
    --accounts) accounts=$2; shift ;;
    --regions) regions=$2; shift ;;
    --sources) sources=$2; shift ;;
    --markdown) markdown=$2; shift ;;
    --update-readme) update_readme=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench units: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
changed_account=7
[ "$changed_account" -lt "$accounts" ] || changed_account=1
if [ ! -f "$jar" ]; then
  [ "$jar" = target/drslink.jar ] || { echo "bench units: no jar $jar" >&2; exit 2; }
  mvn -q -B -DskipTests package
fi
jar=$(readlink -f "$jar")
[ -x /usr/bin/time ] || { echo "bench units: needs GNU time (/usr/bin/time)" >&2; exit 2; }
eval "$(scripts/toolchain.sh env)"
command -v tofu >/dev/null && [ -n "${DRSLINK_MOTO_SERVER:-}" ] || { echo "bench units: run scripts/toolchain.sh install" >&2; exit 2; }

work=$(mktemp -d /tmp/drslink-bench-units.XXXXXX)
moto_pid=''
cleanup() {
  if [ -n "$moto_pid" ]; then kill "$moto_pid" 2>/dev/null || true; wait "$moto_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export TMPDIR=$work
export HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_EC2_METADATA_DISABLED=true CHECKPOINT_DISABLE=1
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE
log() { printf '[bench units %s] %s\n' "$(date +%T)" "$*" >&2; }
started=$(date +%s)
mkdir -p "$work/results"
tree_kib() { # tree_kib PID: the resident memory of PID and all its descendants (tofu and its provider plugins)
  ps -eo pid=,ppid=,rss= | awk -v root="$1" '{p[$1] = $2; r[$1] = $3}
    END {for (x in p) {y = x; while ((y in p) && y != root && y > 1) y = p[y]; if (y == root) s += r[x]} print s + 0}'
}
# timed KEY CMD...: one run, appends "seconds maxrss_kib tree_peak_kib" to results/KEY. GNU time's maximum RSS is
# the largest single process; tofu runs one provider plugin process per provider configuration, so the sum over
# the process tree, sampled every half second, is the memory the plan needs.
timed() {
  local key=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/results/$key.time" "$@" >"$work/results/$key.out" 2>&1 &
  local pid=$! peak=0 now
  while kill -0 "$pid" 2>/dev/null; do
    now=$(tree_kib "$pid"); [ "$now" -le "$peak" ] || peak=$now
    sleep 0.5
  done
  if ! wait "$pid"; then
    log "FAILED: $key: $*"; tail -25 "$work/results/$key.out" >&2; exit 3
  fi
  echo "$(tail -1 "$work/results/$key.time") $peak" >>"$work/results/$key"
}
drslink() { DRSLINK_JAR=$jar DRSLINK_JAVA_OPTS="-Ddrslink.benchmark.waive=DRS129 ${DRSLINK_JAVA_OPTS:-}" "$repo/scripts/drslink" "$@"; }

# moto, and every VPC of the topology in its own account (keys from AssumeRole into the account's role).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
endpoint=http://127.0.0.1:$port
"$DRSLINK_MOTO_SERVER" -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
for _ in $(seq 1 120); do curl -fsS --noproxy '*' "$endpoint/moto-api/" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS --noproxy '*' "$endpoint/moto-api/" >/dev/null || { log "moto did not start"; tail "$work/moto.log" >&2; exit 3; }
python3 scripts/units-topology.py "$accounts" "$regions" "$sources" | sed 1d >"$work/before.yaml"
python3 scripts/units-topology.py "$accounts" "$regions" "$sources" --change "$changed_account" | sed 1d >"$work/after.yaml"
log "seeding the VPCs of $accounts accounts, $regions regions, $sources sources in moto on $endpoint"
"$(dirname "$DRSLINK_MOTO_SERVER")/python" - "$endpoint" "$work/before.yaml" "$work/after.yaml" <<'EOF'
import re, sys
import boto3
endpoint, before, after = sys.argv[1:]
text = open(before).read()
roles = dict(re.findall(r'- name: (\S+)\n    id: "\d+"\n    role_arn: (\S+)', text))
sts = boto3.client("sts", region_name="us-east-1", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test")
keys, clients, ids, region = {}, {}, {}, None
for line in text.splitlines():
    m = re.match(r"  - name: (\S+)$", line)
    if m:
        region = m.group(1)
    m = re.search(r"name: (\S+), account: (\S+), id: (vpc-[0-9a-f]+), cidr: ([0-9./]+)", line)
    if m:
        account = m.group(2)
        if account not in keys:
            c = sts.assume_role(RoleArn=roles[account], RoleSessionName="bench")["Credentials"]
            keys[account] = (c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"])
        if (account, region) not in clients:
            k = keys[account]
            clients[(account, region)] = boto3.client("ec2", region_name=region, endpoint_url=endpoint,
                aws_access_key_id=k[0], aws_secret_access_key=k[1], aws_session_token=k[2])
        ec2 = clients[(account, region)]
        vpc = ec2.create_vpc(CidrBlock=m.group(4))["Vpc"]["VpcId"]
        ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsSupport={"Value": True})
        ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsHostnames={"Value": True})
        ids[m.group(3)] = vpc
for path in (before, after):
    t = open(path).read()
    open(path, "w").write(re.sub(r"\bvpc-[0-9a-f]+\b", lambda m: ids.get(m.group(0), m.group(0)), t))
print(len(ids), "VPCs in", len(keys), "accounts", file=sys.stderr)
EOF

# The roots: the single root of the changed topology; the units before and after the change (same file name, so
# only the change differs), and the units whose files differ.
for v in before after; do mkdir -p "$work/$v" && cp "$work/$v.yaml" "$work/$v/topology.yaml"; done
(cd "$work/after" && drslink generate -q topology.yaml --out single 2>/dev/null)
for v in before after; do (cd "$work/$v" && drslink generate -q topology.yaml --out units --layout units 2>/dev/null); done
changed=$(cd "$work/after/units" && python3 -c '
import json, sys, filecmp, os
for u in json.load(open("units.json"))["units"]:
    a, b = u["dir"], os.path.join(sys.argv[1], u["dir"])
    cmp = filecmp.dircmp(a, b)
    def differs(c):
        return c.left_only or c.right_only or c.diff_files or c.funny_files or any(differs(s) for s in c.subdirs.values())
    if not os.path.isdir(b) or differs(cmp):
        print(a)' "$work/before/units")
[ -n "$changed" ] || { log "the change touched no unit"; exit 3; }
all_units=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["units"]))' "$work/after/units/units.json")
log "units the change touched: $(echo $changed) (of $all_units)"

override() { # override ROOT: moto endpoints and the test keys in every provider (the role is assumed through moto)
  local r=$1
  for a in $(grep -ho '^\s*alias\s*=\s*"[^"]*"' "$r"/*.tf | sed 's/.*"\(.*\)"/\1/' | sort -u); do
    cat <<EOF
provider "aws" {
  alias                       = "$a"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  s3_use_path_style           = true
  endpoints {
    ec2     = "$endpoint"
    route53 = "$endpoint"
    sts     = "$endpoint"
    s3      = "$endpoint"
    drs     = "$endpoint"
    iam     = "$endpoint"
  }
}
EOF
  done >"$r/zz_bench_override.tf"
}
vars_of() { # vars_of UNIT: -var for every input, a value of the output's shape (as Terragrunt's mock outputs for plan)
  python3 - "$work/after/units/units.json" "$1" <<'EOF'
import json, sys
unit = next(u for u in json.load(open(sys.argv[1]))["units"] if u["dir"] == sys.argv[2])
for i, v in enumerate(i["variable"] for i in unit["inputs"]):
    value = ("pcx-%017x" % i if "peering_connection" in v else "tgw-attach-%017x" % i if "attachment" in v
             else "Z%020d" % i if "zone_id" in v else "vpce-%017x.example.vpce.amazonaws.com" % i)
    print("-var=%s=%s" % (v, value))
EOF
}
roots=("$work/after/single")
for u in $changed; do roots+=("$work/after/units/$u"); done
for r in "${roots[@]}"; do
  override "$r"
  (cd "$r" && tofu init -input=false -no-color >"$r.init.log" 2>&1) || { log "tofu init failed in $r"; tail -20 "$r.init.log" >&2; exit 3; }
done
log "tofu plan, single root (whole organization)"
timed plan-single tofu -chdir="$work/after/single" plan -refresh=false -input=false -no-color -lock=false
for u in $changed; do
  log "tofu plan, unit $u"
  mapfile -t vars < <(vars_of "$u")
  timed "plan-unit-$(echo "$u" | tr / -)" tofu -chdir="$work/after/units/$u" plan -refresh=false -input=false -no-color -lock=false "${vars[@]}"
done

single_s=$(awk '{print $1}' "$work/results/plan-single")
single_m=$(awk '{print $3/1024}' "$work/results/plan-single")
unit_results=()
for u in $changed; do unit_results+=("$work/results/plan-unit-$(echo "$u" | tr / -)"); done
units_s=$(cat "${unit_results[@]}" | awk '{s += $1} END {print s}')
units_m=$(cat "${unit_results[@]}" | awk '$3 > m {m = $3} END {print m/1024}')
speedup=$(awk -v a="$single_s" -v b="$units_s" 'BEGIN {printf "%.1f", a / b}')
mem=$(awk -v a="$single_m" -v b="$units_m" 'BEGIN {printf "%.1f", a / b}')
verdict=$(awk -v s="$speedup" -v t=$TARGET_SPEEDUP 'BEGIN {exit !(s >= t)}' && echo "ok (>= ${TARGET_SPEEDUP}x)" || { touch "$work/missed"; echo "**missed** (target >= ${TARGET_SPEEDUP}x)"; })
plan_of() { grep -o 'Plan: .*' "$1" | tail -1; }
{
  echo "| tofu plan after a change in one source account | roots planned | plan | wall time | peak RSS, tofu and its providers | largest process |"
  echo "|---|---:|---|---:|---:|---:|"
  printf '| single root | 1 (%s providers) | %s | %.1f s | %.0f MiB | %.0f MiB |\n' "$(grep -c '^provider "aws"' "$work/after/single/providers.tf")" "$(plan_of "$work/results/plan-single.out")" "$single_s" "$single_m" "$(awk '{print $2/1024}' "$work/results/plan-single")"
  for u in $changed; do
    k=plan-unit-$(echo "$u" | tr / -)
    printf '| units: %s | 1 of %s (1 provider) | %s | %.1f s | %.0f MiB | %.0f MiB |\n' "$u" "$all_units" "$(plan_of "$work/results/$k.out")" "$(awk '{print $1}' "$work/results/$k")" "$(awk '{print $3/1024}' "$work/results/$k")" "$(awk '{print $2/1024}' "$work/results/$k")"
  done
  printf '| **single / units** | | | **%sx faster** %s | **%sx less** | |\n' "$speedup" "$verdict" "$mem"
  echo
  echo "One run of \`scripts/bench.sh units\`, $(date -u +%F): scripts/units-topology.py $accounts $regions $sources, change in src$(printf %02d $changed_account);" \
    "plans from empty state with -refresh=false against moto (every VPC seeded; data sources read); peak RSS: the resident memory of" \
    "tofu and its provider plugin processes summed, sampled every 0.5 s; largest process: GNU time's maximum resident set size. $(nproc) cores shared with other work (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)." \
    "$(tofu version | head -1), hashicorp/aws ${DRSLINK_PROVIDER_VERSION:-}. Bench time $(($(date +%s) - started)) s."
} >"$work/report.md"
cat "$work/report.md"
out=${markdown:-target/bench/bench-units.md}
mkdir -p "$(dirname "$out")" && cp "$work/report.md" "$out"
if [ $update_readme = 1 ]; then
  python3 - docs/performance.md "$work/report.md" <<'EOF'
import re, sys
doc, report = open(sys.argv[1]).read(), open(sys.argv[2]).read()
begin, end = "<!-- bench-units:begin -->", "<!-- bench-units:end -->"
if begin not in doc:
    sys.exit("bench units: docs/performance.md has no %s marker" % begin)
open(sys.argv[1], "w").write(re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda m: begin + "\n" + report.strip() + "\n" + end, doc, flags=re.S))
EOF
  log "docs/performance.md updated"
fi
if [ -f "$work/missed" ]; then exit 1; fi
