#!/usr/bin/env bash
# Side-by-side benchmark against the peer (issue 13; docs/performance.md). The targets live here, never in unit tests.
#
# The peer (../shared/bench/cdktf) synthesizes the same resources as drslink generates for
# `fanin_topology.py N` (N source VPCs in Tokyo peered into one recovery VPC in Osaka) with Terraform CDK, as flat
# Terraform JSON. In one run, alternating drslink and the peer run by run so both see the same machine load:
#   generate    1 and 1,000 sources          drslink: scripts/drslink generate (the launcher: archive, C1)
#                                            peer:    node main.js N OUT
#   validate    tofu validate of both roots, 100 and 1,000 sources (after an untimed tofu init)
#   plan        tofu plan of both roots, 100 sources, against moto on 127.0.0.1 (VPCs seeded for drslink's lookups)
# Medians of wall time and of peak resident memory (GNU time's maximum RSS: the largest process of the command,
# for tofu usually tofu itself), the ratios drslink/peer, and a verdict per target. Exit 1 when a target is missed.
#
#   scripts/bench.sh [--quick] [--jar JAR] [--runs N] [--only generate,validate,plan] [--markdown FILE] [--update-readme]
#   scripts/bench.sh --startup [--jar JAR] [--baseline-jar JAR [--baseline-label TEXT]] [--runs N]
#
#   --quick          fewer runs (generate 3, tofu 1): about 4 minutes instead of 10 (2 loaded cores)
#   --jar JAR        the drslink jar to measure (default target/drslink.jar, built when missing); its archive
#                    (JAR-minus-.jar.jsa/.aot, see scripts/cds.sh) is used when present, as the launcher does
#   --runs N         runs of each generate measurement (tofu: max(1, N/2))
#   --only LIST      a subset of generate, validate, plan
#   --markdown FILE  also write the result table there (default: target/bench/bench.md)
#   --update-readme  replace the figures between the bench markers in README.md (Performance)
#   --startup        instead: start-up of `validate` and `generate` with 1 source, JVM option by option
#                    (plain java -jar, the class-data-sharing archive, C1 only, one compiler thread, -cp = the launcher),
#                    wall-time medians and loaded-class counts; --baseline-jar adds a row for an older jar, run the
#                    way its launcher ran it (--baseline-label names it in the table)
#
# Needs: java, node and npm (the peer is installed once with npm ci, cached under the toolchain cache), python3,
# GNU time (/usr/bin/time), and for validate/plan the toolchain (scripts/toolchain.sh install: tofu, provider
# mirror, moto). Network: the npm registry once; otherwise only 127.0.0.1 (a closed proxy catches anything else).
# drslink refuses the peer's shape above 125 sources (DRS129: AWS's maximum of peerings per VPC); the benchmark
# waives that one error with -Ddrslink.benchmark.waive=DRS129, which changes no generated file.
#
#   scripts/bench.sh units [...]   the units layout: tofu plan after a change in one account, single root versus the
#                                  changed units, 50 accounts (scripts/bench-units.sh --help; issue 24)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "${1:-}" = units ]; then shift; exec scripts/bench-units.sh "$@"; fi
repo=$PWD

# ------------------------------------------------------------------------------------------------
# Targets (issue 13)
# ------------------------------------------------------------------------------------------------
TARGET_GENERATE_1=1.0       # drslink/peer wall time, generate with 1 source
TARGET_GENERATE_1000=0.3    # drslink/peer wall time, generate with 1,000 sources
TARGET_VALIDATE_TIME=1.0    # drslink/peer, tofu validate of the 1,000-source roots
TARGET_VALIDATE_MEMORY=1.0
TARGET_LINEAR=1.2           # cost(1,000) / (10 x cost(100)) for drslink's tofu validate, time and memory

quick=0 jar=target/drslink.jar baseline_jar='' baseline_label='' runs='' only=generate,validate,plan markdown='' update_readme=0 startup=0
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 ;;
    --jar) jar=$2; shift ;;
    --baseline-jar) baseline_jar=$2; shift ;;
    --baseline-label) baseline_label=$2; shift ;;
    --runs) runs=$2; shift ;;
    --only) only=$2; shift ;;
    --markdown) markdown=$2; shift ;;
    --update-readme) update_readme=1 ;;
    --startup) startup=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$runs" ]; then runs=$([ $quick = 1 ] && echo 3 || echo 7); fi
tofu_runs=$((runs / 2)); [ $tofu_runs -ge 1 ] || tofu_runs=1
[ $quick = 1 ] && tofu_runs=1
wants() { [[ ",$only," == *",$1,"* ]]; }

if [ ! -f "$jar" ]; then
  [ "$jar" = target/drslink.jar ] || { echo "bench: no jar $jar" >&2; exit 2; }
  mvn -q -B -DskipTests package
fi
jar=$(readlink -f "$jar")
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (/usr/bin/time; apt-get install time)" >&2; exit 2; }
peer_src=$(readlink -f "$repo/../shared/bench")
[ -d "$peer_src/cdktf" ] || { echo "bench: no peer in $peer_src (../shared/bench)" >&2; exit 2; }

work=$(mktemp -d /tmp/drslink-bench.XXXXXX)   # short: tofu's provider socket lives under TMPDIR
moto_pid=''
cleanup() {
  if [ -n "$moto_pid" ]; then kill "$moto_pid" 2>/dev/null || true; wait "$moto_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/results"
export TMPDIR=$work
# Only 127.0.0.1: anything else meets a closed proxy, and no credentials or metadata service are ever asked.
export HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_EC2_METADATA_DISABLED=true CHECKPOINT_DISABLE=1
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE

median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }

# timed KEY CMD...: one run, appends "seconds maxrss_kib" to results/KEY; the command's output goes to a log.
timed() {
  local key=$1; shift
  local out=$work/results/$key.out
  if ! /usr/bin/time -f '%e %M' -o "$work/results/$key.time" "$@" >"$out" 2>&1; then
    log "FAILED: $key: $*"; tail -25 "$out" >&2; exit 3
  fi
  tail -1 "$work/results/$key.time" >>"$work/results/$key"
}
seconds() { awk '{print $1}' "$work/results/$1" | median; }
mib() { awk '{print $2 / 1024}' "$work/results/$1" | median; }
runs_of() { wc -l <"$work/results/$1" | tr -d ' '; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "nan"}'; }
within() { awk -v r="$1" -v t="$2" 'BEGIN {exit !(r != "nan" && r <= t)}'; }

# Commands, not shell functions, so that GNU time can run them.
mkdir -p "$work/bin"
printf '#!/usr/bin/env bash\nDRSLINK_JAR=%q DRSLINK_JAVA_OPTS="-Ddrslink.benchmark.waive=DRS129 ${DRSLINK_JAVA_OPTS:-}" exec %q "$@"\n' \
  "$jar" "$repo/scripts/drslink" >"$work/bin/drslink"
chmod +x "$work/bin/drslink"
drslink=$work/bin/drslink
topology() { [ -f "$work/fanin-$1.yaml" ] || python3 "$peer_src/fanin_topology.py" "$1" >"$work/fanin-$1.yaml"; echo "$work/fanin-$1.yaml"; }

# ------------------------------------------------------------------------------------------------
# --startup: JVM options one by one
# ------------------------------------------------------------------------------------------------
if [ $startup = 1 ]; then
  [ -n "$baseline_label" ] || baseline_label=$(basename "${baseline_jar:-none}")
  t1=$(topology 1)
  base=${jar%.jar}
  archive=()
  [ -f "$base.jsa" ] && archive=(-XX:SharedArchiveFile="$base.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
  [ -f "$base.aot" ] && archive=(-XX:AOTCache="$base.aot" -Xlog:aot=off -Xlog:cds=off)
  [ ${#archive[@]} -gt 0 ] || log "no archive next to $jar (scripts/cds.sh builds it): the archive rows are skipped"
  # Cumulative steps: each row adds one JVM option to the row above; "cp" is what scripts/drslink runs.
  variants=(plain)
  [ ${#archive[@]} -gt 0 ] && variants+=(cds)
  variants+=(c1 c1one cp serial)
  [ -n "$baseline_jar" ] && variants=(baseline "${variants[@]}")
  java_of() { # java_of VARIANT -> the java command line up to the jar's arguments
    case $1 in
      baseline) # the older jar as its own launcher ran it: its archive when present, C1 only
        local old=$(readlink -f "$baseline_jar") && local old_archive=()
        [ -f "${old%.jar}.jsa" ] && old_archive=(-XX:SharedArchiveFile="${old%.jar}.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
        echo java "${old_archive[@]}" -XX:TieredStopAtLevel=1 -jar "$old" ;;
      plain) echo java -jar "$jar" ;;
      cds) echo java "${archive[@]}" -jar "$jar" ;;
      c1) echo java "${archive[@]}" -XX:TieredStopAtLevel=1 -jar "$jar" ;;
      c1one) echo java "${archive[@]}" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -jar "$jar" ;;
      cp) echo java "${archive[@]}" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -cp "$jar" drslink.cli.Main ;;
      serial) echo java "${archive[@]}" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -cp "$jar" drslink.cli.Main ;;
    esac
  }
  describe() {
    case $1 in
      baseline) echo "before: $baseline_label, as its launcher ran it (archive, C1)" ;;
      plain) echo "$(basename "$jar"), java -jar" ;;
      cds) echo "+ the archive ($(basename "${archive[0]#*=}"))" ;;
      c1) echo "+ -XX:TieredStopAtLevel=1" ;;
      c1one) echo "+ -XX:CICompilerCount=1" ;;
      cp) echo "+ -cp JAR drslink.cli.Main instead of -jar (= scripts/drslink)" ;;
      serial) echo "+ -XX:+UseSerialGC (measured, not kept)" ;;
    esac
  }
  log "start-up: $runs runs of each, round-robin over: ${variants[*]}"
  for i in $(seq 1 "$runs"); do
    for v in "${variants[@]}"; do
      # shellcheck disable=SC2046
      timed "startup-validate-$v" $(java_of "$v") validate -q "$t1"
      # shellcheck disable=SC2046
      timed "startup-generate-$v" $(java_of "$v") generate -q "$t1" --out "$work/out-$v"
    done
  done
  {
    echo "| JVM start-up, 1 source (cumulative) | validate: wall | classes loaded / parsed | generate: wall | classes loaded / parsed | generate: peak RSS |"
    echo "|---|---:|---:|---:|---:|---:|"
    classes() { # classes VARIANT ARGS... -> "loaded / parsed" (parsed: not mapped from a CDS archive)
      local v=$1; shift
      # shellcheck disable=SC2046
      $(java_of "$v" | sed 's/^java /java -Xlog:class+load=info:stdout:none /') "$@" 2>/dev/null |
        awk '/source:/ {n++; if ($0 !~ /shared objects file/) p++} END {printf "%d / %d", n, p}'
    }
    for v in "${variants[@]}"; do
      printf '| %s | %.2f s | %s | %.2f s | %s | %.0f MiB |\n' "$(describe "$v")" \
        "$(seconds "startup-validate-$v")" "$(classes "$v" validate -q "$t1")" \
        "$(seconds "startup-generate-$v")" "$(classes "$v" generate -q "$t1" --out "$work/out-$v")" "$(mib "startup-generate-$v")"
    done
    echo
    echo "Medians of $runs runs, round-robin; $(nproc) cores shared with other work (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end);" \
      "$(java -version 2>&1 | head -1); \`java -version\` alone: $(for _ in 1 2 3 4 5; do /usr/bin/time -f %e java -version 2>&1 | tail -1; done | median) s."
  } | tee "$work/startup.md"
  out=${markdown:-target/bench/startup.md}
  mkdir -p "$(dirname "$out")" && cp "$work/startup.md" "$out"
  exit 0
fi

# ------------------------------------------------------------------------------------------------
# The peer: npm ci once, cached by the hash of its lock file and program
# ------------------------------------------------------------------------------------------------
cache=${DRSLINK_TOOLCHAIN_CACHE:-$HOME/.cache/drslink-toolchain}/bench
peer_hash=$(cat "$peer_src/cdktf/package-lock.json" "$peer_src/cdktf/main.js" | sha256sum | cut -c1-12)
peer=$cache/cdktf-$peer_hash
if [ ! -f "$peer/node_modules/.installed" ]; then
  log "installing the peer (npm ci) into $peer"
  mkdir -p "$cache"
  rm -rf "$peer.tmp" && mkdir -p "$peer.tmp" && cp "$peer_src"/cdktf/* "$peer.tmp"/
  (cd "$peer.tmp" && env -u HTTP_PROXY -u HTTPS_PROXY -u http_proxy -u https_proxy npm ci --no-audit --no-fund --loglevel=error >&2)
  touch "$peer.tmp/node_modules/.installed"
  rm -rf "$peer" && mv "$peer.tmp" "$peer"
fi
printf '#!/usr/bin/env bash\nexec node %q "$@"\n' "$peer/main.js" >"$work/bin/synth" && chmod +x "$work/bin/synth"
synth=$work/bin/synth

# ------------------------------------------------------------------------------------------------
# The toolchain, for tofu
# ------------------------------------------------------------------------------------------------
if wants validate || wants plan; then
  eval "$(scripts/toolchain.sh env)"
  command -v tofu >/dev/null && [ -n "${DRSLINK_PROVIDER_VERSION:-}" ] ||
    { echo "bench: no tofu or provider; run scripts/toolchain.sh install, or --only generate" >&2; exit 2; }
fi

# Both roots for N sources, ready for tofu: drslink's generated folder, and the peer's JSON with the provider version
# the toolchain mirrors (the peer pins the one it was built with) and the default local backend.
roots() { # roots N [TOPOLOGY] -> $work/drslink-N, $work/peer-N
  local n=$1 topo=${2:-$(topology "$1")}
  rm -rf "$work/drslink-$n" "$work/peer-$n" "$work/synth-$n"
  "$drslink" generate -q "$topo" --out "$work/drslink-$n" 2>/dev/null
  "$synth" "$n" "$work/synth-$n" >/dev/null
  mkdir -p "$work/peer-$n"
  python3 - "$work/synth-$n/stacks/tokyo-osaka/cdk.tf.json" "$work/peer-$n/cdk.tf.json" "$DRSLINK_PROVIDER_VERSION" <<'EOF'
import json, sys
root = json.load(open(sys.argv[1]))
root["terraform"]["required_providers"]["aws"]["version"] = sys.argv[3]
root["terraform"].pop("backend", None)
json.dump(root, open(sys.argv[2], "w"), indent=2)
EOF
  for r in "$work/drslink-$n" "$work/peer-$n"; do
    (cd "$r" && tofu init -input=false -no-color >"$r.init.log" 2>&1) || { log "tofu init failed in $r"; tail -20 "$r.init.log" >&2; exit 3; }
  done
}

started=$(date +%s)
log "drslink $jar; peer $peer; generate runs $runs, tofu runs $tofu_runs; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# ------------------------------------------------------------------------------------------------
# generate
# ------------------------------------------------------------------------------------------------
if wants generate; then
  for n in 1 1000; do
    t=$(topology $n)
    log "generate, $n source(s): $runs runs each, alternating"
    for i in $(seq 1 "$runs"); do
      rm -rf "$work/gen-d" "$work/gen-p"
      timed "generate-$n-drslink" "$drslink" generate -q "$t" --out "$work/gen-d"
      timed "generate-$n-peer" "$synth" "$n" "$work/gen-p"
    done
  done
fi

# ------------------------------------------------------------------------------------------------
# tofu validate
# ------------------------------------------------------------------------------------------------
if wants validate; then
  for n in 100 1000; do
    log "tofu validate, $n sources: init, then $tofu_runs run(s) each, alternating"
    roots $n
    for i in $(seq 1 "$tofu_runs"); do
      timed "validate-$n-drslink" tofu -chdir="$work/drslink-$n" validate -no-color
      timed "validate-$n-peer" tofu -chdir="$work/peer-$n" validate -no-color
    done
  done
fi

# ------------------------------------------------------------------------------------------------
# tofu plan against moto
# ------------------------------------------------------------------------------------------------
if wants plan; then
  n=100
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  endpoint=http://127.0.0.1:$port
  "$DRSLINK_MOTO_SERVER" -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  moto_pid=$!
  for _ in $(seq 1 120); do curl -fsS --noproxy '*' "$endpoint/moto-api/" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS --noproxy '*' "$endpoint/moto-api/" >/dev/null || { log "moto did not start"; tail "$work/moto.log" >&2; exit 3; }
  log "tofu plan, $n sources, moto on $endpoint: seeding the VPCs drslink's root reads"
  # moto makes its own VPC ids: create each VPC of the topology (CIDR, DNS support and hostnames, as the root's
  # postconditions ask) and give drslink the topology with moto's ids. The peer reads no VPC.
  "$(dirname "$DRSLINK_MOTO_SERVER")/python" - "$endpoint" "$(topology $n)" "$work/seeded-$n.yaml" <<'EOF'
import re, sys
import boto3
endpoint, source, target = sys.argv[1:]
text = open(source).read()
region, ids = None, {}
for line in text.splitlines():
    m = re.match(r"  - name: (\S+)$", line)
    if m:
        region = m.group(1)
        ec2 = boto3.client("ec2", region_name=region, endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test")
    m = re.search(r"\bid: (vpc-[0-9a-f]+), cidr: ([0-9./]+)", line)
    if m:
        vpc = ec2.create_vpc(CidrBlock=m.group(2))["Vpc"]["VpcId"]
        ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsSupport={"Value": True})
        ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsHostnames={"Value": True})
        ids[m.group(1)] = vpc
open(target, "w").write(re.sub(r"\bvpc-[0-9a-f]+\b", lambda m: ids.get(m.group(0), m.group(0)), text))
print(len(ids), "VPCs", file=sys.stderr)
EOF
  roots $n "$work/seeded-$n.yaml"
  # Test-only provider settings, merged into every aliased provider: static keys and moto's endpoints.
  for r in "$work/drslink-$n" "$work/peer-$n"; do
    aliases=$(cd "$r" && { grep -ho '^\s*alias\s*=\s*"[^"]*"' ./*.tf 2>/dev/null || true; python3 -c '
import json, glob
for f in glob.glob("*.tf.json"):
    for p in json.load(open(f)).get("provider", {}).get("aws", []):
        print("alias = \"%s\"" % p.get("alias", ""))'; } | sed 's/.*"\(.*\)"/\1/' | sort -u)
    for a in $aliases; do
      cat <<EOF
provider "aws" {
  alias                       = "$a"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  skip_requesting_account_id  = false
  s3_use_path_style           = true
  endpoints {
    ec2             = "$endpoint"
    route53         = "$endpoint"
    route53resolver = "$endpoint"
    sts             = "$endpoint"
    s3              = "$endpoint"
    drs             = "$endpoint"
    iam             = "$endpoint"
  }
}
EOF
    done >"$r/zz_bench_override.tf"
  done
  log "tofu plan, $n sources: $tofu_runs run(s) each, alternating"
  for i in $(seq 1 "$tofu_runs"); do
    timed "plan-$n-drslink" tofu -chdir="$work/drslink-$n" plan -input=false -no-color -lock=false
    timed "plan-$n-peer" tofu -chdir="$work/peer-$n" plan -input=false -no-color -lock=false
  done
fi

# ------------------------------------------------------------------------------------------------
# Report
# ------------------------------------------------------------------------------------------------
verdict() { # verdict RATIO TARGET (runs in a subshell: a miss is recorded in a file)
  if within "$1" "$2"; then echo "ok (<= $2)"; else touch "$work/missed"; echo "**missed** (target <= $2)"; fi
}
row() { # row LABEL KEY [TIME_TARGET] [MEMORY_TARGET]
  local key=$2
  [ -f "$work/results/$key-drslink" ] || return 0
  local ds dp dm pm rt rm
  ds=$(seconds "$key-drslink") dp=$(seconds "$key-peer") dm=$(mib "$key-drslink") pm=$(mib "$key-peer")
  rt=$(ratio "$ds" "$dp") rm=$(ratio "$dm" "$pm")
  local target=''
  [ -n "${3:-}" ] && target="time $(verdict "$rt" "$3")"
  [ -n "${4:-}" ] && target="$target; memory $(verdict "$rm" "$4")"
  printf '| %s | %.2f s | %.2f s | **%s** | %.0f MiB | %.0f MiB | %s | %s | %s |\n' \
    "$1" "$ds" "$dp" "$rt" "$dm" "$pm" "$rm" "$(runs_of "$key-drslink")" "${target:--}"
}
{
  echo "| Measurement | drslink | peer | time ratio | drslink peak RSS | peer peak RSS | memory ratio | runs | target |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
  row "generate, 1 source" generate-1 "$TARGET_GENERATE_1"
  row "generate, 1,000 sources" generate-1000 "$TARGET_GENERATE_1000"
  row "tofu validate, 100 sources" validate-100
  row "tofu validate, 1,000 sources" validate-1000 "$TARGET_VALIDATE_TIME" "$TARGET_VALIDATE_MEMORY"
  row "tofu plan against moto, 100 sources" plan-100
  if [ -f "$work/results/validate-100-drslink" ] && [ -f "$work/results/validate-1000-drslink" ]; then
    for who in drslink peer; do
      lt=$(ratio "$(seconds "validate-1000-$who")" "$(awk -v s="$(seconds "validate-100-$who")" 'BEGIN {print 10 * s}')")
      lm=$(ratio "$(mib "validate-1000-$who")" "$(awk -v s="$(mib "validate-100-$who")" 'BEGIN {print 10 * s}')")
      if [ $who = drslink ]; then
        printf '| linearity, %s: tofu validate 1,000 / (10 x 100) | %s | | | %s | | | | time %s; memory %s |\n' "$who" "$lt" "$lm" \
          "$(verdict "$lt" "$TARGET_LINEAR")" "$(verdict "$lm" "$TARGET_LINEAR")"
      else
        printf '| linearity, %s: tofu validate 1,000 / (10 x 100) | | %s | | | %s | | | - |\n' "$who" "$lt" "$lm"
      fi
    done
  fi
  echo
  for who in drslink peer; do
    if [ -f "$work/results/plan-100-$who.out" ]; then
      echo "$who's plan: $(grep -o 'Plan: .*' "$work/results/plan-100-$who.out" | tail -1)  "
    fi
  done
  echo "One run of \`scripts/bench.sh$([ $quick = 1 ] && echo ' --quick')\`, $(date -u +%F), drslink and the peer alternating run by run;" \
    "medians; peak RSS is GNU time's maximum resident set size. $(nproc) cores shared with other work (load average" \
    "$(cut -d' ' -f1-3 /proc/loadavg) at the end), so absolute times vary from run to run; the ratios are the figures to read." \
    "$(java -version 2>&1 | head -1), node $(node --version)$(command -v tofu >/dev/null && echo ", $(tofu version | head -1), hashicorp/aws ${DRSLINK_PROVIDER_VERSION:-}")." \
    "Bench time $(($(date +%s) - started)) s."
} >"$work/report.md"
cat "$work/report.md"
out=${markdown:-target/bench/bench.md}
mkdir -p "$(dirname "$out")" && cp "$work/report.md" "$out"
if [ $update_readme = 1 ]; then
  python3 - README.md "$work/report.md" <<'EOF'
import re, sys
readme, report = open(sys.argv[1]).read(), open(sys.argv[2]).read()
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
if begin not in readme:
    sys.exit("bench: README.md has no %s marker" % begin)
updated = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda m: begin + "\n" + report.strip() + "\n" + end, readme, flags=re.S)
open(sys.argv[1], "w").write(updated)
EOF
  log "README.md updated"
fi
if [ -f "$work/missed" ]; then exit 1; fi
